import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compileAcceptor, UNSURE } from './accept.js';
import { RulesetSchema } from './ruleset.js';

const FILES = [
  'rulesets/hazchem-checklist/1.0.0.json',
  'rulesets/risk-grading/1.0.0.json',
  'rulesets/loading-five-checks/1.0.0.json',
  'test/fixtures/county-small-enterprise.json',
];
const read = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../${file}`, import.meta.url), 'utf8'));
const accept = compileAcceptor(RulesetSchema)!;

/** The acceptor may only vouch for what zod accepts, with zod's output to the byte (key order too). */
function agrees(value: unknown): 'accepted' | 'unsure' {
  const out = accept(structuredClone(value));
  const zod = RulesetSchema.safeParse(structuredClone(value));
  if (out === UNSURE) return 'unsure';
  expect(zod.success).toBe(true);
  expect(JSON.stringify(out)).toBe(JSON.stringify(zod.data));
  return 'accepted';
}

// A seeded generator, so that a failure can be replayed.
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  '',
  'x',
  'A b',
  '2026-13-01',
  true,
  [],
  {},
  { 'zh-CN': '甲', en: 'a' },
  { 'zh-CN': '', en: 'a' },
  ['x'],
  Number.NaN,
];

/** One random change somewhere in a JSON value: a key dropped, a value replaced, a key added. */
function mutate(root: unknown, pick: (n: number) => number): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  const containers: (Record<string, unknown> | unknown[])[] = [];
  const collect = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    containers.push(x as Record<string, unknown>);
    for (const v of Object.values(x)) collect(v);
  };
  collect(copy);
  const target = containers[pick(containers.length)]!;
  const keys = Object.keys(target);
  const key = keys.length > 0 ? keys[pick(keys.length)]! : '0';
  const value = ODD_VALUES[pick(ODD_VALUES.length)];
  switch (pick(6)) {
    case 0:
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
      break;
    case 1:
      (target as Record<string, unknown>)[key] = value;
      break;
    case 2:
      if (Array.isArray(target)) target.push(value);
      else target[`extra_${pick(3)}`] = value;
      break;
    case 3:
      if (Array.isArray(target)) target.length = 0;
      else (target as Record<string, unknown>)[key] = undefined;
      break;
    case 4:
      // The same keys in another order: the output keeps the schema's.
      if (!Array.isArray(target)) {
        const entries = Object.entries(target).reverse();
        for (const k of Object.keys(target)) delete target[k];
        for (const [k, v] of entries) target[k] = v;
      } else target.reverse();
      break;
    default:
      if (!Array.isArray(target)) Object.defineProperty(target, '__proto__', { value, enumerable: true });
      else target.reverse();
  }
  return copy;
}

describe('compileAcceptor', () => {
  it('accepts every shipped ruleset with exactly zod’s output', () => {
    for (const file of FILES) expect(agrees(read(file)), file).toBe('accepted');
  });

  it('never vouches for what zod rejects, over thousands of random changes', () => {
    const pick = random(20261129);
    const bases = FILES.slice(1).map(read);
    const tally = { accepted: 0, unsure: 0 };
    for (let i = 0; i < 3000; i++) tally[agrees(mutate(bases[i % bases.length], pick))]++;
    // Both outcomes occur, so the comparison above ran on accepted values too.
    expect(tally.accepted).toBeGreaterThan(300);
    expect(tally.unsure).toBeGreaterThan(300);
  });

  it('hands back what needs no change, and copies what does (keys in the schema’s order)', () => {
    const json = read('rulesets/loading-five-checks/1.0.0.json') as { items: Record<string, unknown>[] };
    const item = json.items[0]!;
    const reversed = Object.fromEntries(Object.entries(item).reverse());
    const out = accept({ ...json, items: [item, reversed] }) as { items: unknown[] };
    expect(out.items[0]).toBe(item);
    expect(out.items[1]).not.toBe(reversed);
    expect(Object.keys(out.items[1]!)).toEqual(Object.keys(item));
  });

  it('fills defaults with fresh values, as zod does', () => {
    const json = read('rulesets/loading-five-checks/1.0.0.json') as { fields?: unknown };
    delete json.fields;
    const a = accept(structuredClone(json)) as { fields: unknown[] };
    const b = accept(structuredClone(json)) as { fields: unknown[] };
    expect(a.fields).toEqual([]);
    expect(a.fields).not.toBe(b.fields);
  });

  it('leaves what it does not know to zod', () => {
    expect(compileAcceptor(z.string().check(z.trim()))).toBeNull();
    expect(compileAcceptor(z.catchall(z.object({ a: z.string() }), z.number()))).toBeNull();
    expect(compileAcceptor(z.union([z.string(), z.number()]))).toBeNull();
    const loose = compileAcceptor(z.object({ a: z.string() }))!;
    expect(loose({ a: 'x' })).toEqual({ a: 'x' });
    expect(loose({ a: 'x', b: 1 })).toBe(UNSURE); // zod strips b: not ours to decide
    expect(loose({ a: undefined })).toBe(UNSURE);
  });

  it('measures strings in code points, as zod does', () => {
    const short = compileAcceptor(z.string().check(z.maxLength(2)))!;
    expect(short('😀😀')).toBe('😀😀'); // four UTF-16 units, two code points
    expect(short('😀😀😀')).toBe(UNSURE);
    const long = compileAcceptor(z.string().check(z.minLength(3)))!;
    expect(long('😀a')).toBe(UNSURE); // three units, two code points
    expect(long('abc')).toBe('abc');
    const id = compileAcceptor(z.string().check(z.regex(/^a+$/g)))!;
    expect([id('aa'), id('aa'), id('b')]).toEqual(['aa', 'aa', UNSURE]); // a global pattern keeps no state
  });

  it('runs the checks a schema is itself (z.int()), and skips metadata', () => {
    const count = compileAcceptor(z.int().check(z.positive(), z.meta({ description: 'how many' })))!;
    expect(count(3)).toBe(3);
    expect(count(1.5)).toBe(UNSURE);
    expect(count(0)).toBe(UNSURE);
  });
});
