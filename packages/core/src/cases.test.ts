import { describe, expect, it } from 'vitest';
import { item, ruleset, t } from '../../../test/fixtures.js';
import { caseAnswers, runCases } from './cases.js';
import type { CasesFile } from './schema/cases.js';

const r = ruleset({ items: [item('i1', { check: { '<=': [{ var: 'a' }, 10] } }), item('j', { judgment: true })] });
const file: CasesFile = {
  ruleset: 'test',
  version: '1.0.0',
  cases: [
    {
      id: 'base',
      title: t('基线'),
      date: '2026-01-01',
      defaultJudgment: 'compliant',
      answers: { a: 1, flag: true },
      expect: { outcome: 'pass' },
    },
    {
      id: 'more',
      title: t('超限'),
      extends: 'base',
      answers: { a: 11, flag: null },
      expect: { items: { i1: 'fail', j: 'pass' } },
    },
    { id: 'loop', title: t('循环'), extends: 'loop', answers: {}, expect: {} },
  ],
};

describe('caseAnswers', () => {
  it('applies the extends chain, clears null answers and answers judgments by default', () => {
    expect(caseAnswers(r, file, 'more')).toEqual({ answers: { a: 11, j: 'compliant' }, date: '2026-01-01' });
    expect(caseAnswers(r, file, 'nope')).toBeUndefined();
    expect(caseAnswers(r, file, 'loop')).toEqual({ answers: {} });
  });

  it('is what runCases evaluates', () => {
    expect(runCases(r, file).map((c) => [c.id, c.ok])).toEqual([
      ['base', true],
      ['more', true],
      ['loop', true],
    ]);
  });
});

describe('runCases', () => {
  it('says what differed in both languages', () => {
    const wrong: CasesFile = {
      ...file,
      cases: [
        {
          id: 'wrong',
          title: t('错'),
          extends: 'gone',
          answers: { a: 11 },
          expect: { outcome: 'pass', items: { i1: 'pass', nope: 'pass' }, explanations: { i1: ['999'] } },
        },
      ],
    };
    const [result] = runCases(r, wrong);
    expect(result!.ok).toBe(false);
    expect(result!.failures.map((f) => f.en)).toEqual([
      'extends unknown case "gone"',
      'outcome is fail, expected pass',
      expect.stringMatching(/^item i1 is fail, expected pass \(not met: .*11/),
      'no item "nope"',
      expect.stringMatching(/^explanation of i1 lacks "999" \(it says: not met: /),
    ]);
    expect(result!.failures.map((f) => f['zh-CN'])).toEqual([
      '扩展的案例“gone”不存在',
      '结论为 fail，预期 pass',
      expect.stringMatching(/^检查项 i1 为 fail，预期 pass（未满足：.*11/),
      '没有检查项“nope”',
      expect.stringMatching(/^检查项 i1 的说明缺少“999”（说明为：未满足：/),
    ]);
  });
});

describe('item ids named like Object.prototype properties', () => {
  const proto = ruleset({ items: [item('constructor', { judgment: true }), item('i1', { judgment: true })] });
  const c = (answers: Record<string, unknown>): CasesFile => ({
    ruleset: 'test',
    version: '1.0.0',
    cases: [{ id: 'c', title: t('例'), defaultJudgment: 'compliant', answers, expect: { outcome: 'pass' } }],
  });

  it('give the default judgment to an item named "constructor"', () => {
    expect(caseAnswers(proto, c({ a: 1 }), 'c')).toEqual({
      answers: { a: 1, constructor: 'compliant', i1: 'compliant' },
    });
    expect(runCases(proto, c({ a: 1 }))[0]!.ok).toBe(true);
  });

  it('keep an answer named "__proto__" as an answer, for evaluate to report', () => {
    const file = c(JSON.parse('{"a": 1, "__proto__": {"a": 99}}') as Record<string, unknown>);
    const { answers } = caseAnswers(proto, file, 'c')!;
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
    expect(Object.keys(answers)).toEqual(['a', '__proto__', 'constructor', 'i1']);
    expect(runCases(proto, file)[0]!.report.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown_answer', ['__proto__']],
    ]);
  });
});
