import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleset } from '../parse.js';
import type { Ruleset } from '../schema/ruleset.js';
import { compileNode, mayReadData, type SlotTable } from './compile.js';

const RULESETS = ['hazchem-checklist', 'risk-grading', 'loading-five-checks'];
const load = (id: string): { ruleset: Ruleset } => {
  const file = new URL(`../../../../rulesets/${id}/1.0.0.json`, import.meta.url);
  const parsed = parseRuleset(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${id} does not parse`);
  return { ruleset: parsed.ruleset };
};

describe('rules compiled on their first run', () => {
  it('are only those that compiling never finds reading the nested data', () => {
    // Every rule and sub-rule of the shipped rulesets, and rules made to read the data.
    const fieldIds = ['a', 'b.c', 'doc', '$date'];
    const rules: unknown[] = [
      { var: 'a' },
      { var: 'b' },
      { var: 'doc.valid_to' },
      { var: '' },
      { var: { cat: ['a'] } },
      { missing: ['a'] },
      { '!': { missing_some: [1, ['a', 'doc']] } },
      { val: ['a'] },
      { exists: ['a'] },
      { some: [{ var: 'a' }, { '==': [{ val: [[2], 'a'] }, 1] }] },
      { map: [{ var: 'a' }, { var: '' }] },
      { try: [{ throw: 'x' }, { var: 'type' }] },
      { and: [{ '==': [{ var: 'a' }, 1] }, { '<': [{ var: 'b.c' }, { var: '$date' }] }] },
    ];
    for (const id of RULESETS) {
      const { ruleset } = load(id);
      fieldIds.push(...ruleset.fields.map((f) => f.id));
      const walk = (x: unknown): void => {
        if (x === null || typeof x !== 'object') return;
        rules.push(x);
        for (const v of Object.values(x)) walk(v);
      };
      walk(ruleset.items);
    }
    const index = new Map(fieldIds.map((f, i) => [f, i]));
    let lazy = 0;
    for (const rule of rules) {
      const table: SlotTable = { index, required: fieldIds.map(() => true), cache: new WeakMap(), readsData: false };
      compileNode(structuredClone(rule), table);
      if (!mayReadData(rule, index)) {
        lazy++;
        expect(table.readsData, JSON.stringify(rule)).toBe(false);
      }
    }
    expect(lazy).toBeGreaterThan(100);
  });
});
