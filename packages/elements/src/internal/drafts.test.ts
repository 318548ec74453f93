import { expect } from 'chai';
import { draftKey, readDraft, removeDraft, writeDraft } from './drafts.js';

describe('drafts', () => {
  afterEach(() => localStorage.clear());

  it('round-trips answers with the time they were saved', () => {
    const key = draftKey('r', '1.2.3', 'k');
    expect(writeDraft(key, { a: 'x' }, new Date('2026-03-13T08:00:00Z'))).to.equal(true);
    expect(readDraft(key)).to.deep.equal({ answers: { a: 'x' }, savedAt: '2026-03-13T08:00:00.000Z' });
    removeDraft(key);
    expect(readDraft(key)).to.equal(null);
  });

  it('ignores what is not a draft', () => {
    localStorage.setItem('k1', 'not json');
    localStorage.setItem('k2', '[1,2]');
    localStorage.setItem('k3', '{"answers": [1]}');
    expect([readDraft('k1'), readDraft('k2'), readDraft('k3'), readDraft('none')]).to.deep.equal([
      null,
      null,
      null,
      null,
    ]);
  });

  it('reports a full storage instead of throwing', () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(writeDraft('k', { a: 1 })).to.equal(false);
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
