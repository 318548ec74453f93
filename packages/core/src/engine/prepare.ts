import { answerLookup, type AnswerLookup } from '../answers/answers.js';
import type { Field, Item, Ruleset } from '../schema/ruleset.js';
import type { LocalizedText } from '../text.js';
import { analyzeLogic, compileNode, type Fn } from './compile.js';

/** @internal An item with its rules compiled. */
export interface PreparedItem {
  readonly item: Item;
  readonly index: number;
  readonly applies: Fn | null;
  readonly check: Fn | null;
  /** Paths read by appliesWhen and check, at the top scope. */
  readonly vars: readonly string[];
  /** Whether appliesWhen or check reads a computed path. */
  readonly dynamic: boolean;
  readonly explain: readonly {
    readonly when: Fn | null;
    readonly text: LocalizedText;
    readonly values: readonly (readonly [string, Fn])[];
  }[];
}

/** @internal A ruleset compiled for evaluation, with its lookup tables. */
export interface Prepared {
  readonly ruleset: Ruleset;
  readonly lookup: AnswerLookup;
  readonly items: readonly PreparedItem[];
  /** The field a rule path belongs to: the field itself, or the field whose value it reads into. */
  fieldOf(path: string): Field | undefined;
  /** Item indexes whose status may change when an answer (field id or item id) changes. */
  dependents(key: string): readonly number[];
  /** Section ids from a section up to its outermost parent. */
  ancestry(section: string): readonly string[];
}

const cache = new WeakMap<Ruleset, Prepared>();

/** @internal Compiles a (parsed) ruleset once; cached per ruleset object. */
export function prepare(ruleset: Ruleset): Prepared {
  const hit = cache.get(ruleset);
  if (hit) return hit;
  const lookup = answerLookup(ruleset);
  const fieldPaths = new Map<string, Field | undefined>();
  const fieldOf = (path: string): Field | undefined => {
    if (fieldPaths.has(path)) return fieldPaths.get(path);
    let found = lookup.fields.get(path);
    if (!found) {
      const parts = path.split('.');
      for (let i = parts.length - 1; i > 0 && !found; i--) found = lookup.fields.get(parts.slice(0, i).join('.'));
    }
    fieldPaths.set(path, found);
    return found;
  };

  const byKey = new Map<string, number[]>();
  const always: number[] = [];
  const depend = (key: string, index: number): void => {
    const list = byKey.get(key);
    if (list) {
      if (list[list.length - 1] !== index) list.push(index);
    } else byKey.set(key, [index]);
  };

  const items = ruleset.items.map((item, index): PreparedItem => {
    const vars = new Set<string>();
    let dynamic = false;
    for (const rule of [item.appliesWhen, item.check]) {
      if (rule === undefined) continue;
      const a = analyzeLogic(rule);
      a.vars.forEach((v) => vars.add(v));
      dynamic ||= a.dynamic;
    }
    if (dynamic) always.push(index);
    if (item.judgment) depend(item.id, index);
    for (const v of vars) {
      const field = fieldOf(v);
      if (field) depend(field.id, index);
      else for (const f of lookup.fields.keys()) if (f.startsWith(`${v}.`)) depend(f, index);
    }
    return {
      item,
      index,
      applies: item.appliesWhen === undefined ? null : compileNode(item.appliesWhen),
      check: item.check === undefined ? null : compileNode(item.check),
      vars: [...vars].sort(),
      dynamic,
      explain: (item.explain ?? []).map((e) => ({
        when: e.when === undefined ? null : compileNode(e.when),
        text: e.text,
        values: Object.entries(e.values ?? {}).map(([name, rule]) => [name, compileNode(rule)] as const),
      })),
    };
  });

  const parents = new Map(ruleset.sections.map((s) => [s.id, s.parent]));
  const ancestryCache = new Map<string, string[]>();
  const ancestry = (section: string): string[] => {
    let chain = ancestryCache.get(section);
    if (!chain) {
      chain = [];
      const seen = new Set<string>();
      for (let s: string | undefined = section; s !== undefined && !seen.has(s); s = parents.get(s)) {
        seen.add(s);
        chain.push(s);
      }
      ancestryCache.set(section, chain);
    }
    return chain;
  };

  const dependents = (key: string): readonly number[] => {
    const own = byKey.get(key) ?? [];
    if (always.length === 0) return own;
    return [...new Set([...own, ...always])].sort((a, b) => a - b);
  };

  const prepared: Prepared = { ruleset, lookup, items, fieldOf, dependents, ancestry };
  cache.set(ruleset, prepared);
  return prepared;
}
