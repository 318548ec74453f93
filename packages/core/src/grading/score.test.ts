import { describe, expect, it } from 'vitest';
import { item, ruleset, t } from '../../../../test/fixtures.js';
import { evaluate } from '../engine/evaluate.js';

const bands = [
  { id: 'blue', label: t('蓝'), color: '#1f6fd1', min: 90 },
  { id: 'yellow', label: t('黄'), color: '#f2c200', min: 75 },
  { id: 'orange', label: t('橙'), color: '#f08c00', min: 60 },
  { id: 'red', label: t('红'), color: '#d0312d', min: 0 },
];

const graded = (bonusPolicy = 'total_capped') =>
  ruleset({
    fields: [
      { id: 'chemicals', section: 's', type: 'number', integer: true, min: 0, label: t('重点监管危化品种数') },
      { id: 'processes', section: 's', type: 'number', integer: true, min: 0, label: t('危险工艺种数') },
      {
        id: 'standard',
        section: 's',
        type: 'choice',
        label: t('标准化等级'),
        options: [
          { value: 'none', label: t('无') },
          { value: '1', label: t('一级') },
        ],
      },
      { id: 'new_process', section: 's', type: 'boolean', label: t('未经试验的新工艺') },
    ],
    items: [item('fact', { check: true }), item('judged', { judgment: true })],
    scoring: {
      start: 100,
      bonusPolicy,
      projects: [
        {
          id: 'chem',
          title: t('物质危险性'),
          cap: 5,
          rules: [
            {
              id: 'chem.other',
              title: t('其他重点监管危化品'),
              effect: 'deduct',
              points: 0.1,
              when: { '>': [{ var: 'chemicals' }, 0] },
              count: { var: 'chemicals' },
            },
          ],
        },
        {
          id: 'proc',
          title: t('危险工艺'),
          cap: 10,
          rules: [
            { id: 'proc.each', title: t('每种危险工艺'), effect: 'deduct', points: 2, count: { var: 'processes' } },
            {
              id: 'proc.standard',
              title: t('标准化一级'),
              effect: 'bonus',
              points: 15,
              when: { '==': [{ var: 'standard' }, '1'] },
            },
          ],
        },
        {
          id: 'items',
          title: t('检查'),
          cap: null,
          rules: [{ id: 'items.fail', title: t('不符合项'), effect: 'deduct', points: 3, items: ['judged'] }],
        },
      ],
      bands,
      overrides: [{ id: 'r1', title: t('新工艺未经试验'), band: 'red', when: { var: 'new_process' } }],
    },
  });

const base = { chemicals: 0, processes: 0, standard: 'none', new_process: false, judged: 'compliant' };
const score = (answers: Record<string, unknown>, policy?: string) =>
  evaluate(graded(policy), { ...base, ...answers }).score!;

describe('scoring', () => {
  it('starts from 100 with nothing to deduct: blue', () => {
    expect(score({})).toMatchObject({ score: 100, band: { id: 'blue' }, overrides: [], complete: true });
  });

  it('sums fractional deductions without drift: 3 × 0.1 is 0.3', () => {
    const s = score({ chemicals: 3 });
    expect(s.score).toBe(99.7);
    expect(s.projects[0]?.lines[0]).toMatchObject({ rule: 'chem.other', points: 0.1, count: 3, total: 0.3 });
  });

  it('stops a project’s deductions at its cap, and says so', () => {
    const s = score({ processes: 7 });
    expect(s.projects[1]).toMatchObject({ deductedRaw: 14, deducted: 10, capped: true });
    expect(s.score).toBe(90);
    expect(score({ processes: 5 }).projects[1]).toMatchObject({ deducted: 10, capped: false });
  });

  it('deducts per failed item', () => {
    const s = score({ judged: 'noncompliant' });
    expect(s.projects[2]?.lines[0]).toMatchObject({ count: 1, total: 3, items: ['judged'] });
    expect(s.score).toBe(97);
  });

  it('bounds a bonus by the policy: capped at 100, uncapped, or within its project', () => {
    expect(score({ processes: 2, standard: '1' }).score).toBe(100);
    expect(score({ processes: 2, standard: '1' }, 'total_uncapped').score).toBe(111);
    expect(score({ processes: 2, standard: '1' }, 'within_project').score).toBe(100);
    expect(score({ processes: 2, chemicals: 10, standard: '1' }, 'within_project').score).toBe(99);
    expect(score({ processes: 2, chemicals: 10, standard: '1' }).score).toBe(100);
  });

  it('forces red whatever the score, and shows why', () => {
    const s = score({ new_process: true });
    expect(s.score).toBe(100);
    expect(s.scoreBand.id).toBe('blue');
    expect(s.band.id).toBe('red');
    expect(s.overrides).toEqual([
      {
        override: 'r1',
        title: t('新工艺未经试验'),
        band: 'red',
        explanation: {
          text: { 'zh-CN': '满足：未经试验的新工艺（是）', en: 'met: 未经试验的新工艺 (yes)' },
          conditions: [
            expect.objectContaining({ rule: { var: 'new_process' }, inputs: [{ field: 'new_process', value: true }] }),
          ],
        },
      },
    ]);
  });

  it('says which part of an override held: the first true part of an or, every part of an and', () => {
    const r = ruleset({
      fields: [
        { id: 'major', section: 's', type: 'number', label: { 'zh-CN': '重大事故', en: 'major accidents' } },
        { id: 'larger', section: 's', type: 'number', label: { 'zh-CN': '较大事故', en: 'serious accidents' } },
        { id: 'a', section: 's', type: 'boolean', label: { 'zh-CN': '甲', en: 'A' } },
        { id: 'b', section: 's', type: 'boolean', label: { 'zh-CN': '乙', en: 'B' } },
      ],
      items: [item('x', { check: true })],
      scoring: {
        start: 100,
        projects: [
          {
            id: 'p',
            title: t('项'),
            cap: null,
            rules: [{ id: 'p.r', title: t('扣'), effect: 'deduct', points: 1, when: false }],
          },
        ],
        bands,
        overrides: [
          {
            id: 'r4',
            title: t('事故'),
            band: 'red',
            when: { or: [{ '>=': [{ var: 'major' }, 1] }, { '>=': [{ var: 'larger' }, 2] }] },
          },
          { id: 'both', title: t('甲乙'), band: 'red', when: { and: [{ var: 'a' }, { '!': { var: 'b' } }] } },
        ],
      },
    });
    const [r4, both] = evaluate(r, { major: 0, larger: 2, a: true, b: false }).score!.overrides;
    expect(r4!.explanation!.text).toEqual({ 'zh-CN': '满足：较大事故（2） ≥ 2', en: 'met: serious accidents (2) ≥ 2' });
    expect(both!.explanation!.conditions.map((c) => c.text.en)).toEqual(['met: A (yes)', 'met: not: B (no)']);
  });

  it.each([
    [90, 'blue'],
    [89.9, 'yellow'],
    [75, 'yellow'],
    [74.9, 'orange'],
    [60, 'orange'],
    [59.9, 'red'],
  ])('puts %d in %s', (target, band) => {
    const chemicals = Math.round((100 - target) * 10);
    const r = ruleset({
      fields: [{ id: 'n', section: 's', type: 'number', label: t('数') }],
      items: [item('x', { check: true })],
      scoring: {
        start: 100,
        projects: [
          {
            id: 'p',
            title: t('项'),
            cap: null,
            rules: [{ id: 'p.r', title: t('扣'), effect: 'deduct', points: 0.1, count: { var: 'n' } }],
          },
        ],
        bands,
      },
    });
    const s = evaluate(r, { n: chemicals }).score!;
    expect(s.score).toBe(target);
    expect(s.band.id).toBe(band);
  });

  it('never goes below the minimum, and flags a score with missing inputs', () => {
    expect(score({ processes: 5, chemicals: 60, judged: 'noncompliant' }).score).toBe(82);
    const s = evaluate(graded(), {}).score!;
    expect(s.complete).toBe(false);
    expect(s.missing).toEqual(['chemicals', 'judged', 'new_process', 'processes', 'standard']);
  });
});
