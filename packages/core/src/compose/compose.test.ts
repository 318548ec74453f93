import { describe, expect, it } from 'vitest';
import { item, rulesetJson, t } from '../../../../test/fixtures.js';
import { evaluate } from '../engine/evaluate.js';
import { parseRuleset } from '../parse.js';
import { composeRuleset } from './compose.js';

/** A base list: three items, one of them the only reader of `doc.valid_to`, in its own section. */
const base = () =>
  rulesetJson({
    id: 'province',
    sections: [
      { id: 's', title: t('分组', 'Section') },
      { id: 'docs', title: t('证件', 'Documents') },
    ],
    fields: [
      { id: 'a', section: 's', type: 'number', label: t('数量甲', 'amount A') },
      { id: 'doc.valid_to', section: 'docs', type: 'date', label: t('证件有效期至', 'document valid to') },
      { id: 'flag', section: 's', type: 'boolean', label: t('是否涉及', 'involved') },
    ],
    items: [
      item('p.limit', { check: { '<=': [{ var: 'a' }, 10] } }),
      item('p.doc', { section: 'docs', check: { 'date.gte': [{ var: 'doc.valid_to' }, { var: '$date' }] } }),
      item('p.flag', { check: { '===': [{ var: 'flag' }, false] } }),
    ],
  });

const county = (patch: Record<string, unknown> = {}) => ({
  ...rulesetJson({
    id: 'county',
    version: '2.0.0',
    changelog: [{ version: '2.0.0', date: '2026-11-29', changes: t('本县版', 'county version') }],
    basis: [{ document: t('县规定', 'County rule'), status: 'unverified' }],
    sections: [{ id: 'local', title: t('本县增加项目', 'County items') }],
    fields: [{ id: 'county.stoves', section: 'local', type: 'number', label: t('炉灶数', 'stoves') }],
    items: [item('c.stoves', { section: 'local', check: { '<=': [{ var: 'county.stoves' }, { var: 'a' }] } })],
  }),
  extends: {
    ruleset: 'province',
    version: '1.0.0',
    remove: [{ item: 'p.doc', reason: t('本县不发此证', 'the county issues no such document') }],
  },
  ...patch,
});

const resolve = (bases: Record<string, unknown>) => (id: string, version: string) => bases[`${id}@${version}`];

describe('composeRuleset', () => {
  it('is the base list plus local items minus removed ones, local entries after inherited', () => {
    const r = composeRuleset(county(), { resolve: resolve({ 'province@1.0.0': base() }) });
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    expect(r.ruleset.items.map((i) => i.id)).toEqual(['p.limit', 'p.flag', 'c.stoves']);
    expect(r.ruleset.fields.map((f) => f.id)).toEqual(['a', 'flag', 'county.stoves']);
    expect(r.ruleset.sections.map((s) => s.id)).toEqual(['s', 'local']);
    expect(r.pruned).toEqual({ fields: ['doc.valid_to'], sections: ['docs'] });
    expect(r.ruleset.id).toBe('county');
    expect(r.ruleset.basis.map((b) => b.document.en)).toEqual(['A regulation', 'County rule']);
  });

  it('keeps provenance: what came from which ruleset, and why items were removed', () => {
    const r = composeRuleset(county(), { resolve: resolve({ 'province@1.0.0': base() }) });
    if (!r.success) throw new Error('compose');
    expect(r.ruleset.extends?.inherited).toEqual({
      sections: { s: 'province@1.0.0' },
      fields: { a: 'province@1.0.0', flag: 'province@1.0.0' },
      items: { 'p.limit': 'province@1.0.0', 'p.flag': 'province@1.0.0' },
    });
    expect(r.ruleset.extends?.remove?.[0]?.reason.en).toBe('the county issues no such document');
  });

  it('gives a normal ruleset: its JSON parses again and evaluates', () => {
    const r = composeRuleset(JSON.stringify(county()), { resolve: resolve({ 'province@1.0.0': base() }) });
    if (!r.success) throw new Error('compose');
    const again = parseRuleset(JSON.parse(JSON.stringify(r.json)));
    expect(again.success).toBe(true);
    const report = evaluate(r.ruleset, { a: 3, flag: false, 'county.stoves': 5 });
    expect(report.items.map((i) => [i.id, i.status])).toEqual([
      ['p.limit', 'pass'],
      ['p.flag', 'pass'],
      ['c.stoves', 'fail'],
    ]);
  });

  it('an uncomposed file does not load as it is: parseRuleset says to compose it', () => {
    const r = parseRuleset(county());
    expect(r.success).toBe(false);
    expect(!r.success && r.issues.map((i) => i.path.join('.'))).toContain('extends.inherited');
  });

  it('chains: a base that extends another keeps the origin of what it inherited', () => {
    const city = county({ id: 'city', version: '1.0.0', extends: { ruleset: 'province', version: '1.0.0' } });
    const town = county({
      id: 'town',
      version: '1.0.0',
      sections: [{ id: 'town', title: t('本镇', 'Town') }],
      fields: [],
      items: [item('t.one', { section: 'town', check: { var: 'flag' } })],
      extends: { ruleset: 'city', version: '1.0.0' },
    });
    const r = composeRuleset(town, { resolve: resolve({ 'province@1.0.0': base(), 'city@1.0.0': city }) });
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    expect(r.ruleset.extends?.inherited?.items).toEqual({
      'p.limit': 'province@1.0.0',
      'p.doc': 'province@1.0.0',
      'p.flag': 'province@1.0.0',
      'c.stoves': 'city@1.0.0',
    });
  });

  it('points issues of local entries into the file that was composed', () => {
    const r = composeRuleset(county({ items: [item('c.one', { section: 'local', check: { var: 'nothing' } })] }), {
      resolve: resolve({ 'province@1.0.0': base() }),
    });
    expect(!r.success && r.issues.map((i) => [i.code, i.path])).toEqual([['unknown_variable', ['items', 0, 'check']]]);
  });

  it('refuses a local id already used by the base, and a removed item the base does not have', () => {
    const r = composeRuleset(
      county({
        items: [item('p.flag', { check: true })],
        extends: { ruleset: 'province', version: '1.0.0', remove: [{ item: 'p.nope', reason: t('无') }] },
      }),
      { resolve: resolve({ 'province@1.0.0': base() }) },
    );
    expect(!r.success && r.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown_item', ['extends', 'remove', 0, 'item']],
      ['compose_conflict', ['items', 0, 'id']],
    ]);
  });

  it('a ruleset without extends is only parsed', () => {
    const r = composeRuleset(rulesetJson(), { resolve: () => undefined });
    expect(r.success && r.pruned).toEqual({ fields: [], sections: [] });
  });
});
