import { describe, expect, it } from 'vitest';
import { item, ruleset, t } from '../../../../test/fixtures.js';
import { diffRulesets } from './diff.js';
import { migrateAnswers } from './migrate.js';
import { pickVersion } from './pick.js';
import { bumpSatisfies, compareVersions, parseVersion, versionBump } from './semver.js';

describe('semver', () => {
  it('orders by precedence, pre-releases before their release, numbers numerically', () => {
    const sorted = ['1.10.0', '1.2.0', '1.0.0', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0-alpha', '0.9.9'].sort(
      compareVersions,
    );
    expect(sorted).toEqual(['0.9.9', '1.0.0-alpha', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0', '1.2.0', '1.10.0']);
    expect(compareVersions('1.0.0+build.5', '1.0.0')).toBe(0);
  });

  it('says how far a version moved, reading 0.y.z the way npm and Cargo do', () => {
    expect(versionBump('1.2.3', '2.0.0')).toBe('major');
    expect(versionBump('1.2.3', '1.3.0')).toBe('minor');
    expect(versionBump('1.2.3', '1.2.4')).toBe('patch');
    expect(versionBump('1.2.3', '1.2.3')).toBe('none');
    expect(versionBump('1.2.3', '1.2.2')).toBe('downgrade');
    expect(versionBump('2.0.0-rc.1', '2.0.0')).toBe('prerelease');
    expect(versionBump('0.1.0', '0.2.0')).toBe('major');
    expect(versionBump('0.1.0', '0.1.1')).toBe('minor');
    expect(parseVersion('1.0')).toBeNull();
  });

  it('a bigger step satisfies a smaller need, never the other way', () => {
    expect(bumpSatisfies('major', 'minor')).toBe(true);
    expect(bumpSatisfies('patch', 'minor')).toBe(false);
    expect(bumpSatisfies('none', 'none')).toBe(true);
    expect(bumpSatisfies('downgrade', 'none')).toBe(false);
  });
});

describe('pickVersion', () => {
  const v1 = ruleset({ version: '1.0.0', validFrom: '2020-01-01' });
  const v2 = ruleset({ version: '2.0.0', validFrom: '2026-01-01' });
  const v11 = ruleset({ version: '1.1.0', validFrom: '2024-01-01', validTo: '2024-12-31' });

  it('picks the version in force on the date; a newer one supersedes an open-ended older one', () => {
    const pick = (date: string) => {
      const r = pickVersion([v2, v1, v11], date);
      return r.success ? r.ruleset.version : r.issues.map((i) => i.code);
    };
    expect(pick('2023-06-30')).toBe('1.0.0');
    expect(pick('2024-06-30')).toBe('1.1.0');
    expect(pick('2024-12-31')).toBe('1.1.0');
    expect(pick('2025-01-01')).toBe('1.0.0');
    expect(pick('2026-01-01')).toBe('2.0.0');
    expect(pick('2019-12-31')).toEqual(['no_version_valid']);
    expect(pick('2026-13-01')).toEqual(['invalid_evaluation_date']);
  });

  it('refuses to pick among different rulesets', () => {
    const r = pickVersion([v1, ruleset({ id: 'other' })], '2026-01-01');
    expect(!r.success && r.issues[0]?.code).toBe('ruleset_id_mismatch');
  });
});

describe('diffRulesets', () => {
  const base = ruleset({
    items: [
      item('i1', { check: { '<=': [{ var: 'a' }, 10] } }),
      item('i2', { check: { var: 'flag' } }),
      item('j1', { judgment: true }),
    ],
  });
  const kinds = (d: ReturnType<typeof diffRulesets>) =>
    d.changes.map((c) => `${c.target}:${c.kind}:${c.id ?? ''}:${c.level}`);

  it('finds nothing between a ruleset and itself, and needs no new version', () => {
    const d = diffRulesets(base, base);
    expect(d.changes).toEqual([]);
    expect([d.required, d.sufficient]).toEqual(['none', true]);
  });

  it('a changed check is at least minor: a patch step is not enough, with a suggestion', () => {
    const next = ruleset({
      version: '1.0.1',
      items: [
        item('i1', { check: { '<': [{ var: 'a' }, 10] } }),
        item('i2', { check: { var: 'flag' } }),
        item('j1', { judgment: true }),
      ],
    });
    const d = diffRulesets(base, next);
    expect(kinds(d)).toEqual(['item:logic:i1:minor']);
    expect(d.changes[0]?.path).toEqual(['items', 0, 'check']);
    expect([d.required, d.actual, d.sufficient, d.suggested]).toEqual(['minor', 'patch', false, '1.1.0']);
    expect(d.issues.map((i) => i.code)).toEqual(['insufficient_version_bump']);
    expect(d.issues[0]?.message.en).toContain('1.1.0');
  });

  it('a removed item or field is major; an added required field minor; rewording patch', () => {
    const next = ruleset({
      version: '2.0.0',
      fields: [
        { id: 'a', section: 's', type: 'number', label: t('数量甲（吨）', 'amount A (t)') },
        { id: 'doc.valid_to', section: 's', type: 'date', label: t('证件有效期至', 'document valid to') },
        { id: 'flag', section: 's', type: 'boolean', label: t('是否涉及', 'involved') },
        { id: 'c', section: 's', type: 'text', label: t('新字段', 'new field') },
      ],
      items: [item('i1', { check: { '<=': [{ var: 'a' }, 10] } }), item('j1', { judgment: true })],
    });
    const d = diffRulesets(base, next);
    expect(kinds(d)).toEqual([
      'field:removed:b:major',
      'field:reworded:a:patch',
      'field:added:c:minor',
      'item:removed:i2:major',
    ]);
    expect([d.required, d.sufficient]).toEqual(['major', true]);
  });

  it('takes a field with a new id and the same label as renamed (major)', () => {
    const next = ruleset({
      version: '2.0.0',
      fields: [
        { id: 'amount', section: 's', type: 'number', label: t('数量甲', 'amount A') },
        { id: 'b', section: 's', type: 'number', label: t('数量乙', 'amount B'), required: false },
        { id: 'doc.valid_to', section: 's', type: 'date', label: t('证件有效期至', 'document valid to') },
        { id: 'flag', section: 's', type: 'boolean', label: t('是否涉及', 'involved') },
      ],
      items: base.items.map((i) => (i.id === 'i1' ? { ...i, check: { '<=': [{ var: 'amount' }, 10] } } : i)),
    });
    const d = diffRulesets(base, next);
    expect(kinds(d)).toEqual(['field:renamed:a:major', 'item:logic:i1:minor']);
    expect(d.changes[0]?.to).toBe('amount');
  });

  it('scoring: a removed band is major, changed points minor', () => {
    const scoring = (points: number, bands: string[]) => ({
      start: 100,
      projects: [
        { id: 'p', title: t('项目'), cap: 10, rules: [{ id: 'p.r', title: t('扣'), effect: 'deduct', points }] },
      ],
      bands: bands.map((id, k) => ({ id, label: t(id), color: '#000000', min: 90 - k * 30 })),
    });
    const a = ruleset({ scoring: scoring(1, ['good', 'fair', 'bad']) });
    expect(kinds(diffRulesets(a, ruleset({ version: '1.1.0', scoring: scoring(2, ['good', 'fair', 'bad']) })))).toEqual(
      ['scoring:logic:p.r:minor'],
    );
    expect(kinds(diffRulesets(a, ruleset({ version: '1.1.0', scoring: scoring(1, ['good', 'fair']) })))).toEqual([
      'scoring:removed:bad:major',
    ]);
  });

  it('below 1.0.0 a major change needs the minor number to move', () => {
    const d = diffRulesets(
      ruleset({ version: '0.1.0' }),
      ruleset({ version: '0.1.1', items: [item('i9', { check: true })] }),
    );
    expect([d.required, d.actual, d.sufficient, d.suggested]).toEqual(['major', 'minor', false, '0.2.0']);
  });
});

describe('migrateAnswers', () => {
  const v1 = ruleset({
    fields: [
      { id: 'a', section: 's', type: 'number', unit: 't', label: t('数量甲', 'amount A') },
      { id: 'b', section: 's', type: 'number', label: t('数量乙', 'amount B'), required: false },
      {
        id: 'kind',
        section: 's',
        type: 'choice',
        label: t('类别', 'kind'),
        options: [
          { value: 'x', label: t('甲') },
          { value: 'y', label: t('乙') },
        ],
      },
      { id: 'plate_no', section: 's', type: 'text', label: t('车牌号', 'plate') },
    ],
    items: [item('i1', { check: { '<=': [{ var: 'a' }, 10] } })],
  });
  const v2 = ruleset({
    version: '2.0.0',
    fields: [
      { id: 'a', section: 's', type: 'number', unit: 'kg', label: t('数量甲', 'amount A') },
      {
        id: 'kind',
        section: 's',
        type: 'choice',
        label: t('类别', 'kind'),
        options: [
          { value: 'x', label: t('甲') },
          { value: 'z', label: t('丙') },
        ],
      },
      { id: 'vehicle.plate', section: 's', type: 'text', label: t('车牌号', 'plate') },
      { id: 'c', section: 's', type: 'boolean', label: t('新问题', 'new question') },
    ],
    items: [item('i1', { check: { '<=': [{ var: 'a' }, 10000] } }), item('j9', { judgment: true })],
  });

  it('carries what fits, converts units, follows renames, and lists everything else with its value', () => {
    const m = migrateAnswers(v1, v2, { a: 2.5, b: 4, kind: 'y', plate_no: '浙A12345', stray: 1 });
    expect(m.answers).toEqual({ a: 2500, 'vehicle.plate': '浙A12345' });
    expect(m.notes.map((n) => [n.kind, n.key, n.to ?? null, n.value ?? null])).toEqual([
      ['converted', 'a', null, 2.5],
      ['dropped', 'b', null, 4],
      ['invalid', 'kind', null, 'y'],
      ['renamed', 'plate_no', 'vehicle.plate', '浙A12345'],
      ['dropped', 'stray', null, 1],
      ['needed', 'c', null, null],
      ['needed', 'j9', null, null],
    ]);
    expect(m.lost).toBe(true);
    expect(m.notes.find((n) => n.key === 'b')?.message['zh-CN']).toContain('已删除');
  });

  it('an explicit rename wins, and guessing can be turned off', () => {
    const m = migrateAnswers(v1, v2, { plate_no: '浙A12345' }, { guessRenames: false });
    expect(m.answers).toEqual({});
    expect(m.notes[0]?.kind).toBe('dropped');
    const n = migrateAnswers(v1, v2, { kind: 'x' }, { renames: { kind: 'c' }, guessRenames: false });
    expect(n.answers).toEqual({ kind: 'x' });
  });

  it('loses nothing when nothing changed', () => {
    const m = migrateAnswers(v1, v1, { a: 3, kind: 'x' });
    expect([m.answers, m.notes, m.lost]).toEqual([{ a: 3, kind: 'x' }, [], false]);
  });

  it('says so when the saved answers are not an object of answers at all', () => {
    for (const saved of [[{ a: 3 }], 'a=3', 5, new Map([['a', 3]])]) {
      const m = migrateAnswers(v1, v1, saved);
      expect(m.lost, String(saved)).toBe(true);
      expect(m.notes.filter((n) => n.kind === 'invalid').map((n) => [n.key, n.value])).toEqual([['', saved]]);
    }
    expect(migrateAnswers(v1, v1, undefined).lost).toBe(false);
  });
});
