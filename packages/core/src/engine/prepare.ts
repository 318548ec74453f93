import { answerLookup, type AnswerLookup } from '../answers/answers.js';
import { PLAIN_JUDGMENT, type Verdict } from '../answers/answers.js';
import type { ItemResult, ItemStatus, MajorHazard } from '../report/types.js';
import type { Field, Item, Ruleset } from '../schema/ruleset.js';
import type { LocalizedText } from '../text.js';
import { compileNode, readsOf, type Fn, type SlotTable } from './compile.js';

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
  /** The fields whose answers can change its status (every field when dynamic), in ruleset order. */
  readonly fields: readonly Field[];
  /**
   * The item's report entry for a status, shared and frozen, made on first use: without an
   * explanation, and with the inspector's plain verdict when there is one.
   */
  result(status: ItemStatus, verdict: Verdict | undefined): ItemResult;
  /** Rows of the report's counters this item counts in: all, its severity, its sections. */
  readonly counterRows: readonly number[];
  /** The major hazard it is when it fails. */
  readonly majorHazard?: MajorHazard;
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
  /** Each field's compiled `appliesWhen` (fields without one always show). */
  readonly fieldRules: ReadonlyMap<string, Fn>;
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
  const VERDICTS: readonly Verdict[] = ['compliant', 'noncompliant', 'not_applicable'];

  const items = ruleset.items.map((item, index): PreparedItem => {
    const base = {
      id: item.id,
      section: item.section,
      severity: item.severity,
      title: item.title,
      provenance: item.provenance,
      ...(item.majorHazard !== undefined ? { majorHazard: item.majorHazard } : {}),
    };
    const made = new Array<ItemResult | undefined>(16);
    const result = (status: ItemStatus, verdict: Verdict | undefined): ItemResult => {
      const k = STATUSES.indexOf(status) * 4 + (verdict ? VERDICTS.indexOf(verdict) + 1 : 0);
      let entry = made[k];
      if (!entry) {
        entry = Object.freeze({ ...base, status, ...(verdict ? { judgment: PLAIN_JUDGMENT[verdict] } : {}) });
        made[k] = entry;
      }
      return entry;
    };
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
    return {
      item,
      index,
      result,
      counterRows: [
        0,
        item.severity === 'general' ? 1 : 2,
        ...ancestry(item.section).map((sec) => sectionRow.get(sec)!),
      ],
      ...(item.majorHazard !== undefined
        ? {
            majorHazard: Object.freeze({
              criterion: item.majorHazard,
              ...(criterion ? { criterionTitle: criterion.title } : {}),
              item: item.id,
              title: item.title,
            }),
          }
        : {}),
      applies: item.appliesWhen === undefined ? null : compileNode(item.appliesWhen, slots),
      check: item.check === undefined ? null : compileNode(item.check, slots),
      vars: [...vars].sort(),
      dynamic,
      get fields() {
        return (fields ??= dynamic ? ruleset.fields : ruleset.fields.filter((f) => read.has(f.id)));
      },
      explain: (item.explain ?? []).map((e) => ({
        when: e.when === undefined ? null : compileNode(e.when, slots),
        text: e.text,
        values: Object.entries(e.values ?? {}).map(([name, rule]) => [name, compileNode(rule, slots)] as const),
      })),
    };
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
    fieldRules,
    fieldOf,
    dependents,
    ancestry,
  };
  cache.set(ruleset, prepared);
  return prepared;
}
