import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { item, ruleset, t } from '../../../../test/fixtures.js';
import { ROOT } from '../../../../test/paths.js';
import { parseRuleset } from '../index.js';
import { lintRuleset } from './lint.js';

const codes = (patch: Record<string, unknown>) =>
  lintRuleset(ruleset(patch))
    .issues.filter((i) => i.code !== 'unused_field' && i.code !== 'basis_without_clause')
    .map((i) => `${i.code} ${i.path.join('.')}`);

const dates = Array.from({ length: 12 }, (_, k) => ({
  id: `doc.d${k}`,
  section: 's',
  type: 'date',
  label: t(`证件${k}有效期`, `document ${k} valid to`),
}));
const dateFields = [
  ...dates,
  { id: 'loading.date', section: 's', type: 'date', label: t('装载日期', 'loading date') },
  {
    id: 'kind',
    section: 's',
    type: 'choice',
    label: t('类别', 'kind'),
    options: ['a', 'b'].map((v) => ({ value: v, label: t(v) })),
  },
  { id: 'qty', section: 's', type: 'number', min: 0, label: t('数量', 'quantity') },
  { id: 'cap', section: 's', type: 'number', min: 0, label: t('核定量', 'rated') },
];
const valid = (k: number) => ({ 'date.gte': [{ var: `doc.d${k}` }, { var: 'loading.date' }] });

describe('lintRuleset', () => {
  it('finds nothing wrong with a check that can pass and fail, however many inputs it shares', () => {
    expect(
      codes({
        fields: dateFields,
        items: [item('i1', { check: { and: dates.map((_, k) => valid(k)) } })],
      }),
    ).toEqual([]);
  });

  it('finds a contradiction buried in a long conjunction of shared inputs', () => {
    const contradiction = { 'date.lt': [{ var: 'doc.d3' }, { var: 'loading.date' }] };
    expect(
      codes({
        fields: dateFields,
        items: [item('i1', { check: { and: [...dates.map((_, k) => valid(k)), contradiction] } })],
      }),
    ).toEqual(['check_always_fails items.0.check']);
  });

  it('a choice compared with a value it does not offer never applies', () => {
    expect(
      codes({
        fields: dateFields,
        items: [item('i1', { appliesWhen: { '===': [{ var: 'kind' }, 'c'] }, check: true })],
      }),
    ).toEqual(['item_never_applies items.0.appliesWhen']);
  });

  it('a check decided by its appliesWhen always passes; a tautology of numbers too', () => {
    expect(
      codes({
        fields: dateFields,
        items: [
          item('i1', {
            appliesWhen: { '<=': [{ var: 'qty' }, { var: 'cap' }] },
            check: { '<=': [{ var: 'qty' }, { var: 'cap' }] },
          }),
          item('i2', { check: { or: [{ '>': [{ var: 'qty' }, 5] }, { '<=': [{ var: 'qty' }, 5] }] } }),
          item('i3', { check: { '>': [{ var: 'qty' }, 5] } }),
        ],
      }),
    ).toEqual(['check_always_passes items.0.check', 'check_always_passes items.1.check']);
  });

  it('tries dates years apart and numbers of every size, so offsets and products do not fool it', () => {
    expect(
      codes({
        fields: dateFields,
        items: [
          item('i1', { check: { 'date.gte': [{ 'date.add_years': [{ var: 'doc.d0' }, 12] }, { var: '$date' }] } }),
          item('i2', { check: { '<=': [{ var: 'qty' }, { '*': [{ var: 'cap' }, 24, 6] }] } }),
        ],
      }),
    ).toEqual([]);
  });

  it('finds unused fields, untranslated texts and bases without a clause, and counts unverified items', () => {
    const r = lintRuleset(
      ruleset({
        title: t('危险货物', '危险货物'),
        sections: [{ id: 's', title: t('Documents and vehicle', 'Documents and vehicle') }],
        items: [
          item('i1', { check: { '<=': [{ var: 'a' }, 10] }, provenance: 'verified' }),
          item('i2', { check: { var: 'flag' } }),
        ],
      }),
    );
    expect(r.issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual([
      'untranslated_text title',
      'untranslated_text sections.0.title',
      'unused_field fields.1',
      'unused_field fields.2',
      'basis_without_clause items.0.basis',
      'basis_without_clause items.1.basis',
    ]);
    expect(r.unverifiedItems).toEqual(['i2']);
  });

  it('says nothing false about the shipped rulesets', () => {
    const lint = (file: string) => {
      const p = parseRuleset(readFileSync(join(ROOT, file), 'utf8'));
      if (!p.success) throw new Error(file);
      return lintRuleset(p.ruleset).issues.map((i) => i.code);
    };
    expect(lint('rulesets/risk-grading/1.0.0.json')).toEqual([]);
    expect(lint('rulesets/loading-five-checks/1.0.0.json').filter((c) => c !== 'unused_field')).toEqual([]);
  });
});
