import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../test/paths.js';
import { checkAnswers, toLogicData } from '../answers/answers.js';
import { caseAnswers } from '../cases.js';
import { parseRuleset } from '../parse.js';
import { CasesFileSchema } from '../schema/cases.js';
import type { Ruleset } from '../schema/ruleset.js';
import { compileLogic, isLogic } from './compile.js';
import { eagerOperator, operatorNames } from './operators.js';

// Our namespaced operators are registered in json-logic-js with the same functions, so the
// comparison covers everything around them: argument evaluation, var, and/or/if, iteration.
for (const name of operatorNames()) {
  const fn = eagerOperator(name);
  if (fn && name.includes('.')) jsonLogic.add_operation(name, (...args: unknown[]) => fn(args));
}

type Outcome = { value: unknown } | { threw: true };
const outcome = (f: () => unknown): Outcome => {
  try {
    return { value: f() };
  } catch {
    return { threw: true };
  }
};

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DATA = {
  n: 7,
  z: 0,
  neg: -2.5,
  s: 'apple',
  e: '',
  num: '12',
  t: true,
  f: false,
  nul: null,
  list: [1, 2, 3, 'x', 0],
  empty: [],
  words: ['safe', 'check'],
  o: { a: 1, b: { c: 'deep' }, list: [4, 5] },
};
const PATHS = [
  'n',
  'z',
  'neg',
  's',
  'e',
  'num',
  't',
  'f',
  'nul',
  'list',
  'empty',
  'words',
  'o',
  'o.a',
  'o.b.c',
  'o.list.1',
  'nope',
  'o.nope.x',
  '',
];
const SCALARS = [0, 1, -1, 2.5, 7, 12, '', 'a', 'apple', '7', '0', true, false, null];
const BINARY = [
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '+',
  '-',
  '*',
  '/',
  '%',
  'in',
  'cat',
  'min',
  'max',
  'merge',
];
const UNARY = ['!', '!!', '-'];

function generate(rnd: () => number, depth: number, scoped = false): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const r = rnd();
  if (depth <= 0 || r < 0.25) {
    if (rnd() < 0.5) return pick(SCALARS);
    return scoped
      ? { var: pick(['', 'current', 'accumulator']) }
      : { var: rnd() < 0.2 ? [pick(PATHS), pick(SCALARS)] : pick(PATHS) };
  }
  const sub = () => generate(rnd, depth - 1, scoped);
  const k = rnd();
  if (k < 0.35) return { [pick(BINARY)]: [sub(), sub()] };
  if (k < 0.45) return { [pick(UNARY)]: [sub()] };
  if (k < 0.55) return { [pick(['and', 'or'])]: [sub(), sub(), sub()] };
  if (k < 0.62) return { if: [sub(), sub(), sub(), sub(), sub()] };
  if (k < 0.68) return { '<': [sub(), sub(), sub()] };
  if (k < 0.72)
    return { substr: [sub(), pick([0, 1, -1, 2]), pick([undefined, 1, -1, 3])].filter((x) => x !== undefined) };
  if (k < 0.76) return { missing: [pick(PATHS), pick(PATHS)] };
  if (k < 0.79) return { missing_some: [pick([0, 1, 2]), [pick(PATHS), pick(PATHS), pick(PATHS)]] };
  const list = pick([{ var: 'list' }, { var: 'words' }, { var: 'empty' }, { var: 'o.list' }, [1, 2, 3], { var: 's' }]);
  const body = generate(rnd, depth - 1, true);
  if (k < 0.9) return { [pick(['map', 'filter', 'all', 'some', 'none'])]: [list, body] };
  return {
    reduce: [list, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, pick([0, 10, undefined])].filter(
      (x) => x !== undefined,
    ),
  };
}

describe('differential: compileLogic agrees with json-logic-js', () => {
  it('on 20,000 generated rules', () => {
    const rnd = prng(20261129);
    let compared = 0;
    for (let i = 0; i < 20_000; i++) {
      const rule = generate(rnd, 4);
      const ours = outcome(() => compileLogic(rule)(DATA));
      const theirs = outcome(() => jsonLogic.apply(rule as never, DATA));
      expect(ours, JSON.stringify(rule)).toEqual(theirs);
      compared++;
    }
    expect(compared).toBe(20_000);
  });

  const rulesets = shippedRulesets();

  it('finds the shipped rulesets', () => {
    expect(rulesets.length).toBeGreaterThanOrEqual(1);
  });

  it.each(rulesets.map((r) => [r.ruleset.id, r] as const))(
    'on every rule of %s, over its worked cases',
    (_id, { ruleset, datas }) => {
      const rules = rulesOf(ruleset);
      expect(rules.length).toBeGreaterThan(0);
      expect(datas.length).toBeGreaterThan(0);
      for (const rule of rules) {
        const f = compileLogic(rule);
        for (const data of datas) {
          expect(
            outcome(() => f(data)),
            JSON.stringify(rule),
          ).toEqual(outcome(() => jsonLogic.apply(rule as never, data)));
        }
      }
    },
  );
});

describe('differential: the extended operators agree with json-logic-engine', () => {
  const engine = new LogicEngine();
  const data = { a: 0, b: null, c: { d: [1, 2] }, xs: [5, 9], k: 9, s: 'x' };
  const rules: unknown[] = [
    { val: 'a' },
    { val: 'b' },
    { val: ['c', 'd', 1] },
    { val: ['c', 'nope'] },
    { val: [] },
    { val: 'constructor' },
    { exists: 'a' },
    { exists: 'b' },
    { exists: ['c', 'd'] },
    { exists: 'zz' },
    { exists: ['c', 'zz'] },
    { '??': [null, { val: 'a' }, 3] },
    { '??': [{ val: 'b' }, { val: 'zz' }] },
    { '??': [] },
    { try: [{ throw: 'bad' }, { val: 'type' }] },
    { try: [{ val: 's' }, 'unused'] },
    { try: [{ throw: 'a' }, { throw: 'b' }, { val: 'type' }] },
    { try: [{ throw: 'bad' }, { val: [[2], 'k'] }] },
    { map: [{ val: 'xs' }, { val: [[1], 'index'] }] },
    { filter: [{ val: 'xs' }, { '==': [{ val: [] }, { val: [[2], 'k'] }] }] },
    { all: [{ val: 'xs' }, { '>': [{ val: [] }, { val: [[2], 'a'] }] }] },
    { try: [{ throw: 'x' }, { throw: 'y' }] },
  ];
  it.each(rules.map((r) => [JSON.stringify(r), r] as const))('%s', (_text, rule) => {
    const ours = outcome(() => compileLogic(rule)(data));
    const theirs = outcome(() => engine.run(rule as never, data));
    expect(ours).toEqual(theirs);
  });

  it('coalesce is the spelled-out name of ??', () => {
    expect(compileLogic({ coalesce: [null, { val: 'a' }, 3] })(data)).toBe(
      engine.run({ '??': [null, { val: 'a' }, 3] }, data),
    );
  });
});

interface Shipped {
  ruleset: Ruleset;
  datas: Record<string, unknown>[];
}

function shippedRulesets(): Shipped[] {
  const out: Shipped[] = [];
  const dir = join(ROOT, 'rulesets');
  for (const id of readdirSync(dir)) {
    if (!statSync(join(dir, id)).isDirectory()) continue;
    for (const file of readdirSync(join(dir, id))) {
      if (!/^\d+\.\d+\.\d+\.json$/.test(file)) continue;
      const parsed = parseRuleset(readFileSync(join(dir, id, file), 'utf8'));
      if (!parsed.success) throw new Error(`${id}/${file} does not parse`);
      const casesPath = join(dir, id, file.replace(/\.json$/, '.cases.json'));
      const cases = CasesFileSchema.parse(JSON.parse(readFileSync(casesPath, 'utf8')));
      const datas = cases.cases.map((c) => {
        const { answers, date } = caseAnswers(parsed.ruleset, cases, c.id)!;
        return toLogicData(checkAnswers(parsed.ruleset, answers).values, date);
      });
      out.push({ ruleset: parsed.ruleset, datas });
    }
  }
  return out;
}

function rulesOf(r: Ruleset): unknown[] {
  const rules: unknown[] = [];
  const add = (rule: unknown) => rule !== undefined && rules.push(rule);
  r.fields.forEach((f) => add(f.appliesWhen));
  for (const it of r.items) {
    add(it.appliesWhen);
    add(it.check);
    for (const e of it.explain ?? []) {
      add(e.when);
      Object.values(e.values ?? {}).forEach(add);
    }
  }
  for (const p of r.scoring?.projects ?? []) for (const rule of p.rules) [rule.when, rule.count].forEach(add);
  r.scoring?.overrides?.forEach((o) => add(o.when));
  return rules.filter((rule) => isLogic(rule) || Array.isArray(rule));
}
