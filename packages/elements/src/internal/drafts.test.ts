import { expect } from 'chai';
import { draftKey, readDraft, removeDraft, writeDraft } from './drafts.js';

describe('drafts', () => {
  afterEach(() => localStorage.clear());

  it('round-trips answers with the time they were saved', () => {
    const key = draftKey('r', '1.2.3', 'k');
    expect(writeDraft(key, { answers: { a: 'x' } }, new Date('2026-03-13T08:00:00Z'))).to.equal(true);
    expect(readDraft(key)).to.deep.equal({ answers: { a: 'x' }, savedAt: '2026-03-13T08:00:00.000Z' });
    writeDraft(key, { answers: { a: 'x' }, section: 's2' }, new Date('2026-03-13T08:00:00Z'));
    expect(readDraft(key)).to.deep.equal({ answers: { a: 'x' }, savedAt: '2026-03-13T08:00:00.000Z', section: 's2' });
    removeDraft(key);
    expect(readDraft(key)).to.equal(null);
  });

  it('tells an unreadable draft from no draft', () => {
    localStorage.setItem('k1', 'not json');
    localStorage.setItem('k2', '[1,2]');
    localStorage.setItem('k3', '{"answers": [1]}');
    localStorage.setItem('k4', '{"savedAt": "2026-03-13T08:00:00Z"}');
    expect([readDraft('k1'), readDraft('k2'), readDraft('k3'), readDraft('k4')]).to.deep.equal([
      'unreadable',
      'unreadable',
      'unreadable',
      'unreadable',
    ]);
    expect(readDraft('none')).to.equal(null);
  });

  it('reads a draft saved without a time as having none', () => {
    localStorage.setItem('k', '{"answers": {"a": 1}, "savedAt": 5}');
    expect(readDraft('k')).to.deep.equal({ answers: { a: 1 }, savedAt: '' });
  });

  it('reports a full storage instead of throwing', () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(writeDraft('k', { answers: { a: 1 } })).to.equal(false);
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
