import { answerLookup, type AnswerLookup } from '../answers/answers.js';
import { PLAIN_JUDGMENT, type Verdict } from '../answers/answers.js';
import type { ItemResult, ItemStatus, MajorHazard } from '../report/types.js';
import type { Field, Item, Ruleset } from '../schema/ruleset.js';
import type { LocalizedText } from '../text.js';
import { readsOf } from './analyze.js';
import { compileNode, mayReadData, type Fn, type SlotTable } from './compile.js';

/** @internal An item with its rules compiled. */
export interface PreparedItem {
  readonly item: Item;
  readonly index: number;
  readonly applies: Fn | null;
  /** Its group of items whose `appliesWhen` is the same rule (-1 without one). */
  readonly appliesGroup: number;
  /** Compiled on its first run, when it takes the place of its stub: on a fresh page most checks never run. */
  check: Fn | null;
  /** Paths read by appliesWhen and check, at the top scope. */
  readonly vars: readonly string[];
  /** Whether appliesWhen or check reads a computed path. */
  readonly dynamic: boolean;
  /** The fields whose answers can change its status (every field when dynamic), in ruleset order. */
  fields(): readonly Field[];
  /**
   * The item's report entry for a status, shared and frozen, made on first use: without an
   * explanation, and with the inspector's plain verdict when there is one.
   */
  result(status: ItemStatus, verdict: Verdict | undefined): ItemResult;
  /** {@link result} by the status's and the verdict's numbers (see {@link STATUS_NUMBER}; verdict 0 is none). */
  resultAt(status: number, verdict: number): ItemResult;
  /** Row of the report's counters of its severity (1 general, 2 major). */
  readonly severityRow: number;
  /** Row of the report's counters of its own section (its parents' rows add it up); -1 for none. */
  readonly sectionRow: number;
  /** Whether its wording is unverified. */
  readonly unverified: boolean;
  /** Whether the inspector judges it. */
  readonly judgment: boolean;
  /** The major hazard it is when it fails. */
  readonly majorHazard: MajorHazard | undefined;
  readonly explain: readonly {
    readonly when: Fn | null;
    readonly text: LocalizedText;
    readonly values: readonly (readonly [string, Fn])[];
  }[];
}

/** @internal What an answer key answers. */
export interface AnswerTarget {
  readonly field?: Field;
  readonly item?: Item;
  /** The field's slot, or the item's index. */
  readonly index: number;
}

/** @internal A ruleset compiled for evaluation, with its lookup tables. */
export interface Prepared {
  readonly ruleset: Ruleset;
  readonly lookup: AnswerLookup;
  readonly items: readonly PreparedItem[];
  /** Each item's index by id. */
  readonly itemIndex: ReadonlyMap<string, number>;
  /** Answers by position: field i is slot i, `$date` the last. */
  readonly slots: SlotTable;
  /** The slot of `$date`. */
  readonly dateSlot: number;
  /** Each field's path segments in the nested rule data, by slot. */
  readonly segments: readonly (readonly string[])[];
  /** Each field's slot by id (`$date` is not a field). */
  readonly fieldSlot: ReadonlyMap<string, number>;
  /** What an answer key answers: a field (its slot) or a judgment item (its index). */
  readonly answerTargets: ReadonlyMap<string, AnswerTarget>;
  /** The keys of the answers last checked, by position, with their targets (undefined: unknown key). */
  readonly lastAnswers: { readonly keys: string[]; readonly targets: (AnswerTarget | undefined)[] };
  /** How many groups of items with the same `appliesWhen` there are. */
  readonly appliesGroups: number;
  /** Each field's compiled `appliesWhen` (fields without one always show). */
  readonly fieldRules: ReadonlyMap<string, Fn>;
  /** The field a rule path belongs to: the field itself, or the field whose value it reads into. */
  fieldOf(path: string): Field | undefined;
  /** Item indexes whose status may change when an answer (field id or item id) changes. */
  dependents(key: string): readonly number[];
  /** Section ids from a section up to its outermost parent. */
  ancestry(section: string): readonly string[];
  /** The shared report entries made so far: item i's for status k and verdict v at `i * 16 + k * 4 + v`. */
  readonly made: readonly (ItemResult | undefined)[];
  /** Per section (by index): the counter rows its items count in, its own and its parents'. */
  readonly sectionRollup: readonly (readonly number[])[];
}

/** @internal Statuses by number, as counted in reports. */
export const STATUS_NUMBER: Readonly<Record<ItemStatus, number>> = {
  pass: 0,
  fail: 1,
  not_applicable: 2,
  incomplete: 3,
};

/** @internal Verdicts by number; 0 is no verdict. */
export const VERDICT_NUMBER: Readonly<Record<Verdict, number>> = { compliant: 1, noncompliant: 2, not_applicable: 3 };

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

  const index = new Map<string, number>();
  const required: boolean[] = [];
  ruleset.fields.forEach((f, i) => {
    index.set(f.id, i);
    required.push(f.required);
  });
  const dateSlot = ruleset.fields.length;
  index.set('$date', dateSlot);
  required.push(true);
  const slots: SlotTable = { index, required, cache: new WeakMap(), readsData: false };
  const segments = ruleset.fields.map((f) => f.id.split('.'));

  /**
   * A rule compiled when it first runs, then (with `replace`) in its stub's place: on a fresh page
   * most checks never run, their inputs blank. Rules that may read the nested data, which an
   * evaluation makes only once compiling has found a rule that reads it, are compiled at once.
   */
  const onFirstRun = (rule: unknown, replace?: (fn: Fn) => void): Fn => {
    if (mayReadData(rule, index)) return compileNode(rule, slots);
    let fn: Fn | undefined;
    return (d, c) => {
      if (!fn) {
        fn = compileNode(rule, slots);
        replace?.(fn);
      }
      return fn(d, c);
    };
  };
  const fieldSlot = new Map(ruleset.fields.map((f, i) => [f.id, i]));
  const answerTargets = new Map<string, AnswerTarget>();
  ruleset.items.forEach((item, i) => item.judgment && answerTargets.set(item.id, { item, index: i }));
  // A field wins over an item of the same id, as in checkAnswers.
  ruleset.fields.forEach((field, i) => answerTargets.set(field.id, { field, index: i }));

  const byKey = new Map<string, number[]>();
  const always: number[] = [];
  const depend = (key: string, index: number): void => {
    const list = byKey.get(key);
    if (list) {
      if (list[list.length - 1] !== index) list.push(index);
    } else byKey.set(key, [index]);
  };

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

  const sectionRow = new Map(ruleset.sections.map((sec, i) => [sec.id, 3 + i]));
  const criteria = new Map((ruleset.criteria ?? []).map((c) => [c.id, c]));
  const STATUSES: readonly ItemStatus[] = ['pass', 'fail', 'not_applicable', 'incomplete'];
  // Every item's shared report entries, in one array: 16 per item (4 statuses × no verdict or 3).
  const made = new Array<ItemResult | undefined>(ruleset.items.length * 16);
  const VERDICTS: readonly Verdict[] = ['compliant', 'noncompliant', 'not_applicable'];

  // Items whose appliesWhen is written the same way share its closure and, per evaluation, its value.
  const groups = new Map<string, { group: number; fn: Fn }>();
  let groupCount = 0;
  const appliesOf = (rule: unknown): { group: number; fn: Fn } => {
    const key = sameRuleKey(rule);
    let hit = key === undefined ? undefined : groups.get(key);
    if (!hit) {
      hit = { group: groupCount++, fn: compileNode(rule, slots) };
      if (key !== undefined) groups.set(key, hit);
    }
    return hit;
  };

  const items = ruleset.items.map((item, index): PreparedItem => {
    const applies = item.appliesWhen === undefined ? undefined : appliesOf(item.appliesWhen);
    const base = {
      id: item.id,
      section: item.section,
      severity: item.severity,
      title: item.title,
      provenance: item.provenance,
      ...(item.majorHazard !== undefined ? { majorHazard: item.majorHazard } : {}),
    };
    const resultAt = (k: number, v: number): ItemResult => {
      let entry = made[index * 16 + k * 4 + v];
      if (!entry) {
        const status = STATUSES[k]!;
        const verdict = v === 0 ? undefined : VERDICTS[v - 1]!;
        entry = Object.freeze({ ...base, status, ...(verdict ? { judgment: PLAIN_JUDGMENT[verdict] } : {}) });
        made[index * 16 + k * 4 + v] = entry;
      }
      return entry;
    };
    const result = (status: ItemStatus, verdict: Verdict | undefined): ItemResult =>
      resultAt(STATUS_NUMBER[status], verdict ? VERDICT_NUMBER[verdict] : 0);
    const criterion = item.majorHazard !== undefined ? criteria.get(item.majorHazard) : undefined;
    const vars = new Set<string>();
    let dynamic = false;
    for (const rule of [item.appliesWhen, item.check]) {
      if (rule === undefined) continue;
      const a = readsOf(rule);
      a.vars.forEach((v) => vars.add(v));
      dynamic ||= a.dynamic;
    }
    if (dynamic) always.push(index);
    if (item.judgment) depend(item.id, index);
    const read = new Set<string>();
    for (const v of vars) {
      const field = fieldOf(v);
      if (field) read.add(field.id);
      else for (const f of lookup.fields.keys()) if (f.startsWith(`${v}.`)) read.add(f);
    }
    for (const f of read) depend(f, index);
    let fields: readonly Field[] | undefined;
    // Every item has every property, in one order: one shape for all, read at fixed offsets
    // (an object literal with a spread and a getter would be a dictionary).
    const prepared: PreparedItem = {
      item,
      index,
      result,
      resultAt,
      severityRow: item.severity === 'general' ? 1 : 2,
      sectionRow: sectionRow.get(item.section) ?? -1,
      unverified: item.provenance === 'unverified',
      judgment: item.judgment === true,
      majorHazard:
        item.majorHazard === undefined
          ? undefined
          : Object.freeze({
              criterion: item.majorHazard,
              ...(criterion ? { criterionTitle: criterion.title } : {}),
              item: item.id,
              title: item.title,
            }),
      applies: applies ? applies.fn : null,
      appliesGroup: applies ? applies.group : -1,
      check: item.check === undefined ? null : onFirstRun(item.check, (fn) => (prepared.check = fn)),
      vars: [...vars].sort(),
      dynamic,
      fields: () => (fields ??= dynamic ? ruleset.fields : ruleset.fields.filter((f) => read.has(f.id))),
      // Explanations are said only of failures: compiled when first needed.
      explain: (item.explain ?? []).map((e) => ({
        when: e.when === undefined ? null : onFirstRun(e.when),
        text: e.text,
        values: Object.entries(e.values ?? {}).map(([name, rule]) => [name, onFirstRun(rule)] as const),
      })),
    };
    return prepared;
  });

  const dependents = (key: string): readonly number[] => {
    const own = byKey.get(key) ?? [];
    if (always.length === 0) return own;
    return [...new Set([...own, ...always])].sort((a, b) => a - b);
  };

  const fieldRules = new Map<string, Fn>();
  for (const f of ruleset.fields)
    if (f.appliesWhen !== undefined) fieldRules.set(f.id, compileNode(f.appliesWhen, slots));

  const prepared: Prepared = {
    ruleset,
    lookup,
    items,
    itemIndex: new Map(ruleset.items.map((item, i) => [item.id, i])),
    slots,
    dateSlot,
    segments,
    fieldSlot,
    answerTargets,
    lastAnswers: { keys: [], targets: [] },
    appliesGroups: groupCount,
    fieldRules,
    fieldOf,
    dependents,
    ancestry,
    made,
    sectionRollup: ruleset.sections.map((sec) =>
      ancestry(sec.id)
        .map((id) => sectionRow.get(id))
        .filter((row) => row !== undefined),
    ),
  };
  cache.set(ruleset, prepared);
  return prepared;
}

/**
 * A key that two rules share only when they are the same rule: their JSON text, for rules that
 * are plain JSON (undefined for anything JSON would blur: undefined, NaN, ±Infinity, -0, objects
 * that are not plain).
 */
function sameRuleKey(rule: unknown): string | undefined {
  const plain = (node: unknown, depth: number): boolean => {
    if (depth > 200) return false;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') return true;
    if (typeof node === 'number') return Number.isFinite(node) && !Object.is(node, -0);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) if (!(i in node) || !plain(node[i], depth + 1)) return false;
      return true;
    }
    if (typeof node !== 'object' || Object.getPrototypeOf(node) !== Object.prototype) return false;
    for (const key in node)
      if (!Object.hasOwn(node, key) || !plain((node as Record<string, unknown>)[key], depth + 1)) return false;
    return true;
  };
  return plain(rule, 0) ? JSON.stringify(rule) : undefined;
}
