import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/paths.js';
import { compileLogic } from './engine/compile.js';
import { evaluate } from './engine/evaluate.js';
import { parseRuleset } from './parse.js';

// What a page with `Content-Security-Policy: script-src 'self'` forbids: code from strings.
// The test wraps eval and Function to see any use of them; it never evaluates code itself.
/* eslint-disable no-eval, no-new-func */
const original = { Function: globalThis.Function, eval: globalThis.eval };
const calls: string[] = [];

function forbidCodeFromStrings(): void {
  globalThis.Function = new Proxy(original.Function, {
    construct(target, args) {
      calls.push(`new Function(${args.map(String).join(', ').slice(0, 60)})`);
      return Reflect.construct(target, args);
    },
    apply(target, self, args) {
      calls.push(`Function(${args.map(String).join(', ').slice(0, 60)})`);
      return Reflect.apply(target, self, args);
    },
  });
  globalThis.eval = ((code: string) => {
    calls.push(`eval(${String(code).slice(0, 60)})`);
    return original.eval(code);
  }) as typeof eval;
}

afterEach(() => {
  globalThis.Function = original.Function;
  globalThis.eval = original.eval;
  calls.length = 0;
});

describe('no code from strings', () => {
  it('parses, compiles and evaluates every shipped ruleset without eval or new Function', () => {
    forbidCodeFromStrings();
    for (const path of ['loading-five-checks/1.0.0.json', 'risk-grading/1.0.0.json', 'hazchem-checklist/1.0.0.json']) {
      const parsed = parseRuleset(readFileSync(join(ROOT, 'rulesets', path), 'utf8'));
      expect(parsed.success).toBe(true);
      if (parsed.success) evaluate(parsed.ruleset, {}, { date: '2026-06-30' });
    }
    compileLogic({ and: [{ '<': [{ var: 'a' }, 1] }, { 'date.lt': ['2026-01-01', { var: '$date' }] }] })({ a: 0 });
    expect(calls).toEqual([]);
  });

  it('would see them: the guard itself works', () => {
    forbidCodeFromStrings();
    new Function('return 1');
    expect(calls).toHaveLength(1);
  });
});
