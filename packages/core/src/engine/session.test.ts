import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { item, ruleset, t } from '../../../../test/fixtures.js';
import { ROOT } from '../../../../test/paths.js';
import { parseRuleset } from '../parse.js';
import type { Ruleset } from '../schema/ruleset.js';
import { evaluate } from './evaluate.js';
import { createSession } from './session.js';

const small = ruleset({
  fields: [
    { id: 'a', section: 's', type: 'number', label: t('甲') },
    { id: 'b', section: 's', type: 'number', label: t('乙') },
    { id: 'flag', section: 's', type: 'boolean', label: t('涉及') },
    { id: 'detail', section: 's', type: 'text', label: t('说明'), appliesWhen: { var: 'flag' } },
  ],
  items: [
    item('uses-a', { check: { '<=': [{ var: 'a' }, 10] } }),
    item('uses-b', { check: { '<=': [{ var: 'b' }, 10] } }),
    item('uses-both', { appliesWhen: { var: 'flag' }, check: { '<': [{ var: 'a' }, { var: 'b' }] } }),
    item('judged', { judgment: true }),
  ],
});

describe('Session', () => {
  it('re-evaluates only what an answer reaches, and says what changed', () => {
    const session = createSession(small, { flag: true });
    expect(session.outcome).toBe('incomplete');
    expect(session.set('a', 5).changed).toEqual([{ id: 'uses-a', from: 'incomplete', to: 'pass' }]);
    const update = session.set('b', 3);
    expect(update.changed).toEqual([
      { id: 'uses-b', from: 'incomplete', to: 'pass' },
      { id: 'uses-both', from: 'incomplete', to: 'fail' },
    ]);
    expect(update.outcome).toBe('fail');
    expect(session.set('b', 4).changed).toEqual([]);
    expect(session.set('flag', false).changed).toEqual([{ id: 'uses-both', from: 'fail', to: 'not_applicable' }]);
    expect(session.set('judged', 'compliant').changed).toEqual([{ id: 'judged', from: 'incomplete', to: 'pass' }]);
    expect(session.outcome).toBe('pass');
  });

  it('reports the issues of a bad answer and treats it as blank', () => {
    const session = createSession(small, { a: 5 });
    const update = session.set('a', 'five');
    expect(update.issues.map((i) => i.code)).toEqual(['invalid_answer']);
    expect(update.changed).toEqual([{ id: 'uses-a', from: 'pass', to: 'incomplete' }]);
    expect(session.answers).toEqual({ a: 'five' });
    expect(session.issues.map((i) => i.code)).toEqual(['invalid_answer']);
    session.set('a', 1);
    expect(session.issues).toEqual([]);
    expect(session.set('nope', 1).issues.map((i) => i.code)).toEqual(['unknown_answer']);
  });

  it('knows which fields show, and how far the form is', () => {
    const session = createSession(small, {});
    expect(session.fieldApplies('detail')).toBe(false);
    expect(session.progress()).toEqual({ answered: 0, total: 4 });
    session.update({ flag: true, a: 1 });
    expect(session.fieldApplies('detail')).toBe(true);
    expect(session.progress()).toEqual({ answered: 2, total: 5 });
  });

  it('gives the same report as a full evaluation', () => {
    const answers = { a: 12, b: 3, flag: true, judged: { verdict: 'noncompliant', note: 'x' } };
    const session = createSession(small, {}, { date: '2026-01-01' });
    for (const [k, v] of Object.entries(answers)) session.set(k, v);
    expect(session.report()).toEqual(evaluate(small, answers, { date: '2026-01-01' }));
  });

  it.each(shipped())('agrees with evaluate after every one of 300 random answers on %s', (_id, r) => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const session = createSession(r, {}, { date: '2026-06-30' });
    const answers: Record<string, unknown> = {};
    const keys = [...r.fields.map((f) => f.id), ...r.items.filter((i) => i.judgment).map((i) => i.id)];
    for (let step = 0; step < 300; step++) {
      const key = keys[Math.floor(rnd() * keys.length)]!;
      const value = randomAnswer(r, key, rnd);
      answers[key] = value;
      session.set(key, value);
      const full = evaluate(r, answers, { date: '2026-06-30' });
      expect([...session.statuses().values()], `after ${key} = ${JSON.stringify(value)}`).toEqual(
        full.items.map((i) => i.status),
      );
    }
  });
});

function shipped(): [string, Ruleset][] {
  const out: [string, Ruleset][] = [];
  for (const path of ['loading-five-checks/1.0.0.json', 'risk-grading/1.0.0.json', 'hazchem-checklist/1.0.0.json']) {
    let text: string;
    try {
      text = readFileSync(join(ROOT, 'rulesets', path), 'utf8');
    } catch {
      continue;
    }
    const r = parseRuleset(text);
    if (!r.success) throw new Error(`${path} does not parse`);
    out.push([r.ruleset.id, r.ruleset]);
  }
  if (out.length === 0) throw new Error('no shipped ruleset found');
  return out;
}

function randomAnswer(r: Ruleset, key: string, rnd: () => number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  if (rnd() < 0.1) return null;
  const field = r.fields.find((f) => f.id === key);
  if (!field) return pick(['compliant', 'noncompliant', 'not_applicable']);
  switch (field.type) {
    case 'boolean':
      return rnd() < 0.5;
    case 'choice':
      return pick(field.options).value;
    case 'number': {
      const lo = field.min ?? 0;
      const hi = field.max ?? 100;
      const n = lo + rnd() * (hi - lo);
      return field.integer ? Math.round(n) : Math.round(n * 10) / 10;
    }
    case 'date':
      return pick(['2025-01-01', '2026-06-29', '2026-06-30', '2026-07-01', '2028-12-31']);
    case 'text':
      return pick(['浙A12345', 'UN1203', 'x', '汽油']);
    case 'codes':
      return field.options
        ? field.options.filter(() => rnd() < 0.3).map((o) => o.value)
        : pick([[], ['UN1203'], ['UN1203', 'UN1090']]);
  }
}

describe('Session for a live form', () => {
  it('explains one item without a report of every item', () => {
    const session = createSession(small, { flag: true, a: 5, b: 3 });
    const item = session.item('uses-both');
    expect(item?.status).toBe('fail');
    expect(item?.explanation?.text.en).toBe('not met: 甲 (5) < 乙 (3)');
    expect(session.item('uses-a')).toEqual(session.report().items[0]);
    expect(session.item('nope')).toBeUndefined();
  });
});

describe('Session on bad input', () => {
  const dated = ruleset({
    fields: [
      { id: 'a', section: 's', type: 'number', label: t('数量甲', 'amount A') },
      { id: 'date', section: 's', type: 'date', label: t('日期', 'date') },
    ],
    items: [
      item('i1', { check: { '<=': [{ var: 'a' }, 10] } }),
      item('i2', { check: { 'date.lte': [{ var: 'date' }, { var: '$date' }] } }),
      item('judged', { judgment: true }),
    ],
  });
  const json = (x: unknown): string => JSON.stringify(x);

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 5],
    ['a text', 'a'],
    ['an array', ['a', 1]],
  ])('refuses %s as answers, changing nothing', (_name, bad) => {
    const session = createSession(dated, { a: 12 }, { date: '2026-01-01' });
    const before = json(session.report());
    const update = session.update(bad as never);
    expect(update.issues.map((i) => [i.code, i.path])).toEqual([['invalid_answer', []]]);
    expect(update.issues).toEqual(evaluate(dated, 5).issues);
    expect(update.changed).toEqual([]);
    expect(update.outcome).toBe('fail');
    expect(session.answers).toEqual({ a: 12 });
    expect(json(session.report())).toBe(before);
  });

  it('gives an invalid ruleset a session whose report carries its issues, as evaluate does', () => {
    const bad = { id: 'x' } as never;
    const session = createSession(bad, { a: 1 }, { date: '2026-01-01' });
    expect(session.report()).toEqual(evaluate(bad, { a: 1 }, { date: '2026-01-01' }));
    expect(session.issues.map((i) => i.code)).toContain('missing_property');
    expect(session.outcome).toBe('incomplete');
    expect(session.set('a', 2)).toEqual({ changed: [], issues: [], outcome: 'incomplete' });
    expect(session.update({ b: 'x' }).changed).toEqual([]);
    expect(session.answers).toEqual({ a: 2, b: 'x' });
    expect(session.report()).toEqual(evaluate(bad, session.answers, { date: '2026-01-01' }));
    expect([...session.statuses()]).toEqual([]);
    expect(session.status('i1')).toBeUndefined();
    expect(session.item('i1')).toBeUndefined();
    expect(session.fieldApplies('a')).toBe(false);
    expect(session.progress()).toEqual({ answered: 0, total: 0 });
  });

  it('keeps an answer issue and the evaluation-date issue apart, though both have the path date', () => {
    const options = { date: '2026-13-01' };
    const session = createSession(dated, { date: 'bad' }, options);
    expect(session.report()).toEqual(evaluate(dated, { date: 'bad' }, options));
    expect(session.issues.map((i) => i.code)).toEqual(['invalid_answer', 'invalid_evaluation_date']);
    session.set('date', '2026-01-01');
    expect(session.issues.map((i) => i.code)).toEqual(['invalid_evaluation_date']);
    expect(session.report()).toEqual(evaluate(dated, { date: '2026-01-01' }, options));
  });

  it('keeps the issue of answers that were not an object until answers are set', () => {
    const session = createSession(dated, 5 as never);
    expect(session.issues.map((i) => [i.code, i.path])).toEqual([['invalid_answer', []]]);
    expect(session.report()).toEqual(evaluate(dated, 5));
    session.set('', null);
    expect(session.issues.map((i) => [i.code, i.path])).toEqual([]);
    expect(session.report()).toEqual(evaluate(dated, session.answers));
  });

  it('keeps every answer as its own key, __proto__ included', () => {
    const session = createSession(dated, JSON.parse('{"a": 3, "__proto__": {"x": 1}}') as Record<string, unknown>);
    expect(session.issues.map((i) => [i.code, i.path])).toEqual([['unknown_answer', ['__proto__']]]);
    expect(Object.keys(session.answers)).toEqual(['a', '__proto__']);
    expect(session.set('__proto__', { a: 1 }).issues.map((i) => i.code)).toEqual(['unknown_answer']);
    const answers = session.answers;
    expect(Object.keys(answers)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(answers, '__proto__')?.value).toEqual({ a: 1 });
    expect(json(session.report())).toBe(json(evaluate(dated, answers)));
  });

  it.each<[string, Record<string, unknown>, [string, unknown][]]>([
    ['an answer set again', { a: 'x', date: 'y' }, [['a', 'z']]],
    [
      'answers cleared and given again',
      { a: 'x', date: 'y', nope: 1 },
      [
        ['a', null],
        ['date', 'q'],
        ['a', 'w'],
      ],
    ],
    [
      'a bad answer made good',
      { judged: 'maybe', a: 'x', date: 'y' },
      [
        ['a', 3],
        ['judged', 'compliant'],
        ['x', 1],
      ],
    ],
    [
      'index-like keys',
      { b: 1, a: 'x' },
      [
        ['2', 1],
        ['1', null],
        ['10', 'x'],
        ['1', 2],
        ['a', 1],
      ],
    ],
    [
      'blank unknown answers',
      { a: 'x', nope: null },
      [
        ['other', null],
        ['nope', 1],
        ['judged', 'wrong'],
      ],
    ],
  ])('gives the report evaluate gives on its answers after %s', (_name, start, history) => {
    for (const date of ['2026-01-01', '2026-13-01']) {
      const session = createSession(dated, start, { date });
      // The same answers kept apart from the session, set as it sets them: a blank clears.
      const answers: Record<string, unknown> = { ...start };
      for (const [key, value] of history) {
        session.set(key, value);
        if (value === null) delete answers[key];
        else answers[key] = value;
        expect(json(session.report())).toBe(json(evaluate(dated, session.answers, { date })));
      }
      expect(session.answers).toEqual(answers);
      expect(json(session.report())).toBe(json(evaluate(dated, answers, { date })));
    }
  });
});
