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
