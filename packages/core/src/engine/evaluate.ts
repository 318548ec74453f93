import {
  answerKeys,
  fieldValue,
  Invalid,
  isBlank,
  judgmentValue,
  PLAIN_JUDGMENT,
  setSegments,
  unknownAnswer,
  type Judgment,
} from '../answers/answers.js';
import { computeScore } from '../grading/score.js';
import { issue, type Issue } from '../issues.js';
import { isParsed, parseRuleset } from '../parse.js';
import type {
  Counts,
  Explanation,
  ItemResult,
  ItemStatus,
  LoadingRecord,
  MajorHazard,
  Outcome,
  Report,
} from '../report/types.js';
import type { Field, Ruleset } from '../schema/ruleset.js';
import { joinTexts, perLocale, type LocalizedText } from '../text.js';
import { compileNode, newContext, type EvalContext, type Fn } from './compile.js';
import { toDayNumber } from './dates.js';
import { decisiveConditions, fillTemplate, type PartValue } from './explain.js';
import { truthy } from './operators.js';
import { prepare, type AnswerTarget, type Prepared, type PreparedItem } from './prepare.js';

/** Options of an evaluation. */
export interface EvaluateOptions {
  /**
   * The evaluation date (ISO `YYYY-MM-DD`), read by rules as `{"var": "$date"}`. The engine
   * never reads the clock: without a date, rules that need it are incomplete.
   */
  readonly date?: string;
  /** Build explanations of failed and incomplete items (default true). Batch jobs may skip them. */
  readonly explain?: boolean;
  /**
   * Evaluate only these items (by id), as when a verifier re-checks one rectified item. The
   * report then holds just them, its totals and outcome count just them, and it has no score
   * (a score needs every item). An id the ruleset does not have is an `unknown_item` issue.
   */
  readonly only?: readonly string[];
}

/**
 * The fields whose answers decide an item (what a form must show to re-check it), in ruleset
 * order; every field when the item's rules read computed paths. Empty for an unknown item.
 */
export function itemInputs(ruleset: Ruleset, itemId: string): readonly Field[] {
  return (
    prepare(ruleset)
      .items.find((pi) => pi.item.id === itemId)
      ?.fields() ?? []
  );
}

/** @internal The state an evaluation reads: valid answers by position. */
export class EvalState {
  #data: Record<string, unknown> | undefined;
  /** Slots of valid field answers, in the order given: the order of the nested data's keys. */
  readonly #order: number[];
  /** @internal Per group of items with the same `appliesWhen`: whether they apply, once known. */
  applied: (ItemState | undefined)[];

  constructor(
    readonly p: Prepared,
    /** The answers by slot (field i at i, `$date` last): what compiled item rules read. */
    readonly slots: unknown[],
    /** Judgments by item index. */
    readonly verdicts: (Judgment | undefined)[],
    order: number[],
    readonly date: string | undefined,
  ) {
    this.#order = order;
    this.applied = new Array<ItemState | undefined>(p.appliesGroups);
  }

  /**
   * The answers nested by the dots of their ids: the data rules read. Made on first use, as
   * rules compiled against the slot table read slots unless they read inside a field.
   */
  get data(): Record<string, unknown> {
    if (this.#data) return this.#data;
    const data: Record<string, unknown> = {};
    const { segments } = this.p;
    for (const slot of this.#order) setSegments(data, segments[slot]!, this.slots[slot]);
    if (this.date !== undefined) data.$date = this.date;
    return (this.#data = data);
  }

  /** The data compiled rules are run on: none when no rule of the ruleset reads it. */
  get ruleData(): unknown {
    return this.p.slots.readsData ? this.data : undefined;
  }

  /** A field's valid answer, or undefined. */
  value(id: string): unknown {
    const slot = this.p.fieldSlot.get(id);
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** Sets a field's answer (undefined clears it), in the slots and in the data. */
  setValue(id: string, value: unknown): void {
    const slot = this.p.fieldSlot.get(id)!;
    // The data, once made, changes as answers do (keeping the place of each key).
    setSegments(this.data, this.p.segments[slot]!, value);
    this.slots[slot] = value;
    this.applied = new Array<ItemState | undefined>(this.p.appliesGroups);
  }
}

/** @internal An item's verdict before it is written into a report. */
export interface ItemState {
  readonly status: ItemStatus;
  /** Paths (field ids, `$date`, or the item id for judgments) that were needed and blank. */
  readonly missing?: readonly string[];
  readonly error?: string;
}

const PASS: ItemState = { status: 'pass' };
const FAIL: ItemState = { status: 'fail' };
const NOT_APPLICABLE: ItemState = { status: 'not_applicable' };

// Blank reads of the rule being run. Evaluation is synchronous and never re-entered, so one
// buffer serves every run without an allocation per rule.
const reads: string[] = [];

/**
 * @internal Runs a compiled rule, recording the inputs it read while blank (see
 * {@link blankInputs}). A rule that raises leaves the recording on: the caller's catch resets it.
 */
export function run(state: EvalState, fn: Fn, ctx: EvalContext): unknown {
  if (reads.length > 0) reads.length = 0;
  ctx.missing = reads;
  const value = fn(state.ruleData, ctx);
  ctx.missing = null;
  return value;
}

/** @internal The required inputs the last {@link run} read while blank, if any. */
export function blankInputs(p: Prepared, state: EvalState): string[] | undefined {
  if (reads.length === 0) return undefined;
  let missing: string[] | undefined;
  for (const path of reads) {
    let id: string | undefined;
    if (path === '$date') id = state.date === undefined ? path : undefined;
    else {
      const field = p.fieldOf(path);
      id = field && field.required && state.value(field.id) === undefined ? field.id : undefined;
    }
    if (id === undefined) continue;
    if (!missing) missing = [id];
    else if (!missing.includes(id)) missing.push(id);
  }
  return missing;
}

/** What an `appliesWhen` gives when the item applies. */
const APPLIES: ItemState = { status: 'pass' };

/**
 * Whether an item applies: {@link APPLIES}, or the item's state when it does not (or cannot be
 * told). Items with the same `appliesWhen` share one answer per state of the answers.
 */
function applies(p: Prepared, state: EvalState, pi: PreparedItem, ctx: EvalContext): ItemState {
  const known = state.applied[pi.appliesGroup];
  if (known !== undefined) return known;
  let result: ItemState;
  try {
    const value = run(state, pi.applies!, ctx);
    const missing = reads.length === 0 ? undefined : blankInputs(p, state);
    result = missing ? { status: 'incomplete', missing } : truthy(value) ? APPLIES : NOT_APPLICABLE;
  } catch (error) {
    result = failed(ctx, error);
  }
  state.applied[pi.appliesGroup] = result;
  return result;
}

function failed(ctx: EvalContext, error: unknown): ItemState {
  ctx.missing = null;
  ctx.above.length = 0;
  return { status: 'incomplete', error: error instanceof Error ? error.message : String(error) };
}

/**
 * @internal Every item's state, in ruleset order: the statuses of an evaluation before any
 * report. Each item is evaluated afresh (no `appliesWhen` value is kept from before).
 */
export function evaluateItems(p: Prepared, state: EvalState, ctx: EvalContext = newContext(state.slots)): ItemState[] {
  state.applied = new Array<ItemState | undefined>(p.appliesGroups);
  const states = new Array<ItemState>(p.items.length);
  for (let i = 0; i < states.length; i++) states[i] = evaluateItem(p, state, p.items[i]!, ctx);
  return states;
}

/** @internal Evaluates one item. */
export function evaluateItem(p: Prepared, state: EvalState, pi: PreparedItem, ctx: EvalContext): ItemState {
  if (pi.applies) {
    const a = applies(p, state, pi, ctx);
    if (a !== APPLIES) return a;
  }
  try {
    if (pi.judgment) {
      const j = state.verdicts[pi.index];
      if (!j) return { status: 'incomplete', missing: [pi.item.id] };
      return j.verdict === 'compliant' ? PASS : j.verdict === 'noncompliant' ? FAIL : NOT_APPLICABLE;
    }
    const value = run(state, pi.check!, ctx);
    const missing = reads.length === 0 ? undefined : blankInputs(p, state);
    if (missing) return { status: 'incomplete', missing };
    return truthy(value) ? PASS : FAIL;
  } catch (error) {
    return failed(ctx, error);
  }
}

/** @internal The answers' keys and values as given, when asked for. */
export interface Given {
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
}

/**
 * @internal Builds the evaluation state from answers, with the issues found in them (and,
 * with `keep`, a copy of the answers as given).
 */
export function stateFrom(
  ruleset: Ruleset,
  answers: unknown,
  date: string | undefined,
  keep = false,
): { state: EvalState; issues: Issue[]; given?: Given } {
  const p = prepare(ruleset);
  const issues: Issue[] = [];
  const slots = new Array<unknown>(p.dateSlot + 1);
  const verdicts = new Array<Judgment | undefined>(p.items.length);
  const order: number[] = [];
  const keys = answerKeys(answers);
  let kept: unknown[] | undefined;
  if (keys !== null && !Array.isArray(keys)) issues.push(keys);
  else if (keys !== null) {
    // One lookup per answer, straight into the slots: as checkAnswers, without its maps.
    const given = answers as Record<string, unknown>;
    if (keep) kept = new Array<unknown>(keys.length);
    // Answers from one form come with their keys in one order: the key at each position last
    // time is checked first (a pointer comparison of property names) before the table.
    const { keys: lastKeys, targets: lastTargets } = p.lastAnswers;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = given[key];
      if (kept) kept[i] = value;
      let target: AnswerTarget | undefined;
      if (lastKeys[i] === key) target = lastTargets[i];
      else {
        target = p.answerTargets.get(key);
        // Positions beyond every field and item (answers full of unknown keys) are not kept.
        if (i < p.answerTargets.size) {
          lastKeys[i] = key;
          lastTargets[i] = target;
        }
      }
      if (target === undefined) {
        issues.push(unknownAnswer(key));
        continue;
      }
      if (isBlank(value)) continue;
      if (target.field) {
        const checked = fieldValue(target.field, value);
        if (checked instanceof Invalid) issues.push(checked.issue);
        else {
          // A key repeated cannot happen in an object: each slot is written once.
          slots[target.index] = checked;
          order.push(target.index);
        }
      } else {
        const checked = judgmentValue(target.item!, value);
        if (checked instanceof Invalid) issues.push(checked.issue);
        else verdicts[target.index] = checked;
      }
    }
  }
  let validDate = date;
  if (date !== undefined && (toDayNumber(date) === null || date.length !== 10)) {
    issues.push(
      issue('invalid_evaluation_date', ['date'], {
        'zh-CN': `检查日期“${date}”不是 YYYY-MM-DD 格式的日期`,
        en: `the evaluation date "${date}" is not a date YYYY-MM-DD`,
      }),
    );
    validDate = undefined;
  }
  if (validDate !== undefined) slots[p.dateSlot] = validDate;
  const state = new EvalState(p, slots, verdicts, order, validDate);
  return kept ? { state, issues, given: { keys: keys as string[], values: kept } } : { state, issues };
}

/**
 * Evaluates answers against a ruleset and returns the report: every item's status with an
 * explanation of every failure and every incomplete item, totals, major hazards, the score and
 * band of graded rulesets, and the issues found in the answers. Never throws on bad answers.
 *
 * @param ruleset A ruleset from {@link parseRuleset}. An unparsed object is parsed first; if it
 *   is invalid the report has no items and carries the ruleset's issues.
 * @example
 * const report = evaluate(ruleset, { 'vehicle.plate': '浙A12345', … }, { date: '2026-03-13' });
 * report.outcome; // 'fail'
 */
export function evaluate(ruleset: Ruleset, answers: unknown, options: EvaluateOptions = {}): Report {
  if (!isParsed(ruleset)) {
    const result = parseRuleset(ruleset);
    if (!result.success) return invalidRulesetReport(ruleset, result.issues, options.date);
    ruleset = result.ruleset;
  }
  const p = prepare(ruleset);
  const { state, issues } = stateFrom(ruleset, answers, options.date);
  const ctx = newContext(state.slots);
  if (options.only !== undefined) {
    const only: unknown = options.only;
    const wanted = new Set(Array.isArray(only) ? only : []);
    if (!Array.isArray(only)) {
      issues.push(
        issue('invalid_value', ['only'], {
          'zh-CN': '“only”应为检查项 id 的列表',
          en: '"only" must be a list of item ids',
        }),
      );
    } else {
      only.forEach((id: unknown, i) => {
        if (typeof id !== 'string' || !p.itemIndex.has(id)) {
          issues.push(
            issue('unknown_item', ['only', i], {
              'zh-CN': `规则集中没有检查项“${String(id)}”`,
              en: `the ruleset has no item "${String(id)}"`,
            }),
          );
        }
      });
    }
    const subset = p.items.filter((pi) => wanted.has(pi.item.id));
    const states = subset.map((pi) => evaluateItem(p, state, pi, ctx));
    return buildReport(p, state, states, issues, options.explain !== false, subset);
  }
  return buildReport(p, state, evaluateItems(p, state, ctx), issues, options.explain !== false);
}

function invalidRulesetReport(ruleset: unknown, issues: readonly Issue[], date: string | undefined): Report {
  const r = (ruleset ?? {}) as Partial<Ruleset>;
  const counts = emptyCounts();
  return {
    ruleset: {
      id: typeof r.id === 'string' ? r.id : '',
      version: typeof r.version === 'string' ? r.version : '',
      title: r.title ?? { 'zh-CN': '', en: '' },
    },
    date: date ?? null,
    outcome: 'incomplete',
    items: [],
    totals: { all: counts, bySection: {}, bySeverity: { general: counts, major: counts } },
    majorHazards: [],
    unverifiedItems: 0,
    issues,
  };
}

function emptyCounts(): Counts {
  return { total: 0, pass: 0, fail: 0, not_applicable: 0, incomplete: 0 };
}

/** @internal An item's entry in a report: shared and frozen unless it carries an explanation or a note. */
export function resultOf(p: Prepared, state: EvalState, pi: PreparedItem, s: ItemState, explain: boolean): ItemResult {
  const item = pi.item;
  const judgment = item.judgment ? state.verdicts[pi.index] : undefined;
  const explained = explain && (s.status === 'fail' || s.status === 'incomplete');
  if (!explained && (judgment === undefined || judgment === PLAIN_JUDGMENT[judgment.verdict])) {
    // Shared, frozen: most items of most reports are one of these.
    return pi.result(s.status, judgment?.verdict);
  }
  return {
    ...pi.result(s.status, undefined),
    ...(explained ? { explanation: explainItem(p, state, pi, s, judgment) } : {}),
    ...(judgment ? { judgment } : {}),
  };
}

/** @internal The outcome of a list of statuses. */
export function outcomeOf(states: readonly { status: ItemStatus }[]): Outcome {
  let incomplete = false;
  for (const s of states) {
    if (s.status === 'fail') return 'fail';
    if (s.status === 'incomplete') incomplete = true;
  }
  return incomplete ? 'incomplete' : 'pass';
}

/** @internal Writes the report of an evaluation. */
export function buildReport(
  p: Prepared,
  state: EvalState,
  states: readonly ItemState[],
  issues: readonly Issue[],
  explain: boolean,
  subset?: readonly PreparedItem[],
): Report {
  const r = p.ruleset;
  const list = subset ?? p.items;
  // Counters: [all, general, major, ...sections] × [pass, fail, not_applicable, incomplete].
  // (Plain arrays: a typed array's buffer costs more to make than this many counts.)
  const counters = new Array<number>((3 + r.sections.length) * 4).fill(0);
  const majorHazards: MajorHazard[] = [];
  const runtimeIssues: Issue[] = [];
  let unverified = 0;

  const items: ItemResult[] = new Array(list.length);
  // Items count in the rows of all, their severity and their own section; sections add up into
  // their parents' rows afterwards.
  const own = new Array<number>(r.sections.length * 4).fill(0);
  const made = p.made;
  for (let i = 0; i < list.length; i++) {
    const pi = list[i]!;
    const s = states[i]!;
    const status = s.status;
    const k = status === 'pass' ? 0 : status === 'fail' ? 1 : status === 'not_applicable' ? 2 : 3;
    counters[k]!++;
    counters[pi.severityRow * 4 + k]!++;
    if (pi.sectionRow >= 0) own[(pi.sectionRow - 3) * 4 + k]!++;
    if (status !== 'not_applicable' && pi.unverified) unverified++;
    if (status === 'fail' && pi.majorHazard) majorHazards.push(pi.majorHazard);
    const judgment = pi.judgment ? state.verdicts[pi.index] : undefined;
    // The verdict's number when the entry can be the shared one (no verdict or a plain one), else -1.
    const v =
      judgment === undefined
        ? 0
        : judgment === PLAIN_JUDGMENT.compliant
          ? 1
          : judgment === PLAIN_JUDGMENT.noncompliant
            ? 2
            : judgment === PLAIN_JUDGMENT.not_applicable
              ? 3
              : -1;
    if (v >= 0 && s.error === undefined && !(explain && (status === 'fail' || status === 'incomplete'))) {
      // The shared entry (as resultOf gives), without looking the status up by name again.
      items[i] = made[pi.index * 16 + k * 4 + v] ?? pi.resultAt(k, v);
      continue;
    }
    const item = pi.item;
    if (s.error !== undefined) {
      runtimeIssues.push(
        issue('logic_error', ['items', pi.index], {
          'zh-CN': `检查项“${item.id}”的规则出错：${s.error}`,
          en: `the rule of item "${item.id}" raised an error: ${s.error}`,
        }),
      );
    }
    items[i] = resultOf(p, state, pi, s, explain);
  }
  const rollup = p.sectionRollup;
  for (let j = 0; j < rollup.length; j++) {
    const rows = rollup[j]!;
    for (let x = 0; x < rows.length; x++) for (let k = 0; k < 4; k++) counters[rows[x]! * 4 + k]! += own[j * 4 + k]!;
  }
  const counts = (row: number): Counts => ({
    total: counters[row * 4]! + counters[row * 4 + 1]! + counters[row * 4 + 2]! + counters[row * 4 + 3]!,
    pass: counters[row * 4]!,
    fail: counters[row * 4 + 1]!,
    not_applicable: counters[row * 4 + 2]!,
    incomplete: counters[row * 4 + 3]!,
  });
  const bySection: Record<string, Counts> = {};
  r.sections.forEach((section, j) => (bySection[section.id] = counts(3 + j)));

  const outcome = outcomeOf(states);
  const ctx = newContext(state.slots);
  let statusById: Map<string, ItemStatus> | undefined;
  const score =
    r.scoring && !subset
      ? computeScore(r.scoring, {
          run: (rule) => {
            const value = run(state, compileNode(rule, p.slots), ctx);
            return { value, missing: blankInputs(p, state) ?? [] };
          },
          status: (id) => (statusById ??= new Map(items.map((it) => [it.id, it.status]))).get(id),
          held: (rule) => decisiveConditions(rule, partValue(p, state), p.lookup.fields, 8, true),
        })
      : undefined;

  let record: LoadingRecord | undefined;
  if (r.record) {
    const values: Record<string, unknown> = {};
    for (const id of r.record.fields) values[id] = state.value(id) ?? null;
    record = {
      values,
      outcome,
      ...(r.outcomes ? { outcomeLabel: r.outcomes[outcome] } : {}),
      date: state.date ?? null,
      ...(r.record.retention ? { retention: r.record.retention } : {}),
    };
  }

  return {
    ruleset: { id: r.id, version: r.version, title: r.title },
    date: state.date ?? null,
    outcome,
    ...(r.outcomes ? { outcomeLabel: r.outcomes[outcome] } : {}),
    items,
    totals: { all: counts(0), bySection, bySeverity: { general: counts(1), major: counts(2) } },
    majorHazards,
    unverifiedItems: unverified,
    ...(score ? { score } : {}),
    ...(record ? { record } : {}),
    issues: [...issues, ...runtimeIssues],
  };
}

/** Parts of a rule run as the item's rules are: on the slots (and the data only if needed). */
function partValue(p: Prepared, state: EvalState): PartValue {
  return (node) => {
    try {
      return compileNode(node, p.slots)(state.ruleData, newContext(state.slots));
    } catch {
      return undefined;
    }
  };
}

function explainItem(p: Prepared, state: EvalState, pi: PreparedItem, s: ItemState, judgment?: Judgment): Explanation {
  const fields = p.lookup.fields;
  const label = (key: string): LocalizedText => {
    if (key === '$date') return { 'zh-CN': '检查日期', en: 'evaluation date' };
    const f = fields.get(key);
    if (f) return f.label;
    const item = p.lookup.judgmentItems.get(key);
    return item ? item.title : { 'zh-CN': key, en: key };
  };
  const fieldShown = (f: Field): boolean => {
    if (f.appliesWhen === undefined) return true;
    try {
      return truthy(compileNode(f.appliesWhen, p.slots)(state.ruleData, newContext(state.slots)));
    } catch {
      return true;
    }
  };
  const inputs = pi.vars
    .map((v) => p.fieldOf(v))
    .filter((f, i, all) => f !== undefined && all.indexOf(f) === i)
    .map((f) => ({ field: f!.id, label: f!.label, value: state.value(f!.id) ?? null }));

  if (s.status === 'incomplete') {
    // What stopped the evaluation first, then every other blank required input the item reads
    // and shows, so the inspector can fill them all at once.
    const keys = [...(s.missing ?? [])];
    for (const v of pi.vars) {
      const f = p.fieldOf(v);
      if (f && f.required && state.value(f.id) === undefined && !keys.includes(f.id) && fieldShown(f)) keys.push(f.id);
    }
    const missing = keys.map((m) => ({ field: m, label: label(m) }));
    const text: LocalizedText = s.error
      ? { 'zh-CN': `规则出错，无法判定：${s.error}`, en: `the rule raised an error and cannot decide: ${s.error}` }
      : perLocale((l) =>
          l === 'zh-CN'
            ? `缺少：${missing.map((m) => m.label[l]).join('、')}`
            : `missing: ${missing.map((m) => m.label[l]).join(', ')}`,
        );
    return { text, messages: [], conditions: [], inputs, missing, ...(s.error ? { error: s.error } : {}) };
  }

  const ctx = newContext(state.slots);
  const messages: LocalizedText[] = [];
  for (const e of pi.explain) {
    try {
      if (e.when && !truthy(e.when(state.ruleData, ctx))) continue;
      const values: Record<string, unknown> = {};
      for (const [name, fn] of e.values) values[name] = fn(state.ruleData, ctx);
      const read = (name: string) => {
        const f = fields.get(name);
        return f ? { found: true, value: state.value(name) ?? null, field: f } : { found: false, value: undefined };
      };
      messages.push(perLocale((l) => fillTemplate(e.text[l], values, read, l)));
    } catch {
      // A sentence whose rule raises is skipped; the engine's own explanation still stands.
    }
  }
  if (judgment) {
    const said: LocalizedText = judgment.note
      ? { 'zh-CN': `检查人员判定不符合：${judgment.note}`, en: `judged non-compliant: ${judgment.note}` }
      : { 'zh-CN': '检查人员判定不符合', en: 'judged non-compliant' };
    return {
      text: joinTexts([...messages, said]),
      messages,
      conditions: [],
      inputs,
      missing: [],
      ...(judgment.note ? { note: judgment.note } : {}),
    };
  }
  const conditions = pi.item.check === undefined ? [] : decisiveConditions(pi.item.check, partValue(p, state), fields);
  const text = messages.length > 0 ? joinTexts(messages) : joinTexts(conditions.map((c) => c.text));
  return { text, messages, conditions, inputs, missing: [] };
}
