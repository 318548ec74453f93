import { describe, expect, it } from 'vitest';
import { item, ruleset, rulesetJson, t } from '../../../../test/fixtures.js';
import { evaluate } from '../engine/evaluate.js';
import { checkFieldAnswer } from './answers.js';

describe('checkFieldAnswer: lists of codes', () => {
  const r = ruleset({
    fields: [
      ...(rulesetJson().fields as object[]),
      {
        id: 'media',
        section: 's',
        type: 'codes',
        label: t('介质', 'media'),
        options: [
          { value: 'UN1203', label: t('汽油', 'petrol') },
          { value: 'UN1090', label: t('丙酮', 'acetone') },
        ],
      },
      { id: 'un', section: 's', type: 'codes', pattern: 'UN\\d{4}', label: t('编号', 'numbers') },
    ],
  });
  const media = r.fields.find((f) => f.id === 'media');
  const un = r.fields.find((f) => f.id === 'un');
  const message = (field: typeof media, value: unknown) => {
    const checked = checkFieldAnswer(field!, value);
    return checked.ok ? checked.value : checked.issue.message.en;
  };

  it('accepts known, well-formed codes once each, as given', () => {
    const value = ['UN1090', 'UN1203'];
    expect(message(media, value)).toBe(value);
    expect(message(un, ['UN0001'])).toEqual(['UN0001']);
    expect(message(media, [])).toEqual([]);
  });

  it('names unknown, malformed and repeated codes, unknown ones first', () => {
    expect(message(media, ['UN9999'])).toMatch(/invalid codes: UN9999$/);
    expect(message(un, ['UN12', 'UN1203'])).toMatch(/invalid codes: UN12$/);
    expect(message(media, ['UN1203', 'UN1203'])).toMatch(/repeated codes: UN1203$/);
    expect(message(media, ['UN1203', 'UN1203', 'X'])).toMatch(/invalid codes: X$/);
    expect(message(media, ['UN1203', 7])).toMatch(/expected a list of codes \(texts\), with no gaps$/);
  });

  it('refuses a list with a gap: a gap is no code, and a rule counting the list would count it', () => {
    // eslint-disable-next-line no-sparse-arrays -- the gap is the point
    expect(message(media, [, 'UN1203'])).toMatch(/with no gaps$/);
    // eslint-disable-next-line no-sparse-arrays -- the gap is the point
    expect(message(media, ['UN1203', , 'UN1203'])).toMatch(/with no gaps$/);
  });
});

describe('answers are read as JSON has them: own values, nothing dropped', () => {
  const r = ruleset({
    fields: [
      { id: 'load', section: 's', type: 'number', unit: 't', label: t('装载量', 'quantity') },
      { id: 'un', section: 's', type: 'codes', pattern: 'UN\\d{4}', label: t('编号', 'numbers') },
    ],
    items: [
      item('light', { check: { '<=': [{ var: 'load' }, 10] } }),
      item('two', { check: { '==': [{ 'list.count': [{ var: 'un' }] }, 2] } }),
      item('judged', { judgment: true }),
    ],
  });
  const issuesOf = (answers: unknown) => evaluate(r, answers).issues.map((i) => [i.code, i.path]);

  it('takes a {value, unit} of exactly those own keys', () => {
    expect(issuesOf({ load: { value: 5, unit: 't' } })).toEqual([]);
    expect(issuesOf({ load: { value: 5, unit: 't', extra: 'x' } })).toEqual([['invalid_answer', ['load']]]);
    let ran = false;
    const inherited = Object.create({
      get value() {
        ran = true;
        return 5;
      },
      unit: 't',
    }) as object;
    expect(issuesOf({ load: inherited })).toEqual([['invalid_answer', ['load']]]);
    expect(ran).toBe(false);
  });

  it('takes a {verdict, note} of own keys only', () => {
    expect(issuesOf({ judged: { verdict: 'compliant', note: '现场查看' } })).toEqual([]);
    expect(issuesOf({ judged: Object.create({ verdict: 'compliant' }) as object })).toEqual([
      ['invalid_answer', ['judged']],
    ]);
  });

  it('refuses a list of codes with a gap, and runs no method of an array subclass', () => {
    // eslint-disable-next-line no-sparse-arrays -- the gap is the point
    expect(issuesOf({ un: ['UN1203', , 'UN1090'] })).toEqual([['invalid_answer', ['un']]]);
    let ran = 0;
    class Codes extends Array<string> {
      // Any predicate passes: what a rule would see if the list's own methods ran.
      override every(): this is string[] {
        ran++;
        return true;
      }
    }
    const report = evaluate(r, { un: Codes.from(['UN1203', 'UN1090']) });
    expect(report.issues).toEqual([]);
    expect(report.items.find((i) => i.id === 'two')!.status).toBe('pass');
    expect(ran).toBe(0);
  });

  it('refuses answers that are not a plain object, rather than reading none of them', () => {
    for (const answers of [new Map([['load', 5]]), ['load'], 'load=5', 5]) {
      expect(issuesOf(answers), String(answers)).toEqual([['invalid_answer', []]]);
    }
    expect(issuesOf(Object.assign(Object.create(null) as object, { load: 5 }))).toEqual([]);
    expect(issuesOf(undefined)).toEqual([]);
  });
});
