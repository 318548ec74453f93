import { checkAnswersWith, toLogicData, type Judgment } from '../answers/answers.js';
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
import { perLocale, type LocalizedText } from '../text.js';
import { compileNode, type EvalContext } from './compile.js';
import { toDayNumber } from './dates.js';
import { decisiveConditions, fillTemplate } from './explain.js';
import { truthy } from './operators.js';
import { prepare, type Prepared, type PreparedItem } from './prepare.js';

/** Options of an evaluation. */
export interface EvaluateOptions {
  /**
   * The evaluation date (ISO `YYYY-MM-DD`), read by rules as `{"var": "$date"}`. The engine
   * never reads the clock: without a date, rules that need it are incomplete.
   */
  readonly date?: string;
  /** Build explanations of failed and incomplete items (default true). Batch jobs may skip them. */
  readonly explain?: boolean;
}

/** @internal The state an evaluation reads. */
export interface EvalState {
  values: Map<string, unknown>;
  judgments: Map<string, Judgment>;
  data: Record<string, unknown>;
  date: string | undefined;
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

/** @internal Runs a compiled rule, collecting the required inputs it read while blank. */
function run(p: Prepared, state: EvalState, fn: (d: unknown, c: EvalContext) => unknown, ctx: EvalContext) {
  ctx.missing = [];
  const value = fn(state.data, ctx);
  const read = ctx.missing;
  ctx.missing = null;
  let missing: string[] | undefined;
  for (const path of read) {
    if (path === '$date') {
      if (state.date === undefined) (missing ??= []).push(path);
      continue;
    }
    const field = p.fieldOf(path);
    if (field && field.required && !state.values.has(field.id)) {
      if (!missing) missing = [field.id];
      else if (!missing.includes(field.id)) missing.push(field.id);
    }
  }
  return { value, missing };
}

/** @internal Evaluates one item. */
export function evaluateItem(p: Prepared, state: EvalState, pi: PreparedItem, ctx: EvalContext): ItemState {
  try {
    if (pi.applies) {
      const r = run(p, state, pi.applies, ctx);
      if (r.missing) return { status: 'incomplete', missing: r.missing };
      if (!truthy(r.value)) return NOT_APPLICABLE;
    }
    if (pi.item.judgment) {
      const j = state.judgments.get(pi.item.id);
      if (!j) return { status: 'incomplete', missing: [pi.item.id] };
      return j.verdict === 'compliant' ? PASS : j.verdict === 'noncompliant' ? FAIL : NOT_APPLICABLE;
    }
    const r = run(p, state, pi.check!, ctx);
    if (r.missing) return { status: 'incomplete', missing: r.missing };
    return truthy(r.value) ? PASS : FAIL;
  } catch (error) {
    ctx.missing = null;
    ctx.above.length = 0;
    return { status: 'incomplete', error: error instanceof Error ? error.message : String(error) };
  }
}

/** @internal Builds the evaluation state from answers, with the issues found in them. */
export function stateFrom(
  ruleset: Ruleset,
  answers: unknown,
  date: string | undefined,
): { state: EvalState; issues: Issue[] } {
  const p = prepare(ruleset);
  const checked = checkAnswersWith(ruleset, answers, p.lookup);
  const issues = [...checked.issues];
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
  const values = new Map(checked.values);
  const judgments = new Map(checked.judgments);
  return { state: { values, judgments, data: toLogicData(values, validDate), date: validDate }, issues };
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
  const ctx: EvalContext = { missing: null, above: [] };
  const states = p.items.map((pi) => evaluateItem(p, state, pi, ctx));
  return buildReport(p, state, states, issues, options.explain !== false);
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

function bump(counts: Record<string, Counts>, key: string, status: ItemStatus): void {
  const c = (counts[key] ??= emptyCounts()) as { -readonly [K in keyof Counts]: number };
  c.total++;
  c[status]++;
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
): Report {
  const r = p.ruleset;
  const bySection: Record<string, Counts> = {};
  const bySeverity: Record<string, Counts> = { general: emptyCounts(), major: emptyCounts() };
  const all: Record<string, Counts> = { all: emptyCounts() };
  for (const s of r.sections) bySection[s.id] = emptyCounts();
  const criteria = new Map((r.criteria ?? []).map((c) => [c.id, c]));
  const majorHazards: MajorHazard[] = [];
  const runtimeIssues: Issue[] = [];
  let unverified = 0;

  const items: ItemResult[] = p.items.map((pi, i) => {
    const s = states[i]!;
    const item = pi.item;
    bump(all, 'all', s.status);
    bump(bySeverity, item.severity, s.status);
    for (const section of p.ancestry(item.section)) bump(bySection, section, s.status);
    if (s.status !== 'not_applicable' && item.provenance === 'unverified') unverified++;
    if (s.status === 'fail' && item.majorHazard !== undefined) {
      const c = criteria.get(item.majorHazard);
      majorHazards.push({
        criterion: item.majorHazard,
        ...(c ? { criterionTitle: c.title } : {}),
        item: item.id,
        title: item.title,
      });
    }
    if (s.error !== undefined) {
      runtimeIssues.push(
        issue('logic_error', ['items', i], {
          'zh-CN': `检查项“${item.id}”的规则出错：${s.error}`,
          en: `the rule of item "${item.id}" raised an error: ${s.error}`,
        }),
      );
    }
    const judgment = item.judgment ? state.judgments.get(item.id) : undefined;
    const explanation =
      explain && (s.status === 'fail' || s.status === 'incomplete')
        ? explainItem(p, state, pi, s, judgment)
        : undefined;
    return {
      id: item.id,
      section: item.section,
      status: s.status,
      severity: item.severity,
      title: item.title,
      provenance: item.provenance,
      ...(item.majorHazard !== undefined ? { majorHazard: item.majorHazard } : {}),
      ...(explanation ? { explanation } : {}),
      ...(judgment ? { judgment } : {}),
    };
  });

  const outcome = outcomeOf(states);
  const statusById = new Map(items.map((it) => [it.id, it.status]));
  const ctx: EvalContext = { missing: null, above: [] };
  const score = r.scoring
    ? computeScore(r.scoring, {
        run: (rule) => {
          const res = run(p, state, compileNode(rule), ctx);
          return { value: res.value, missing: res.missing ?? [] };
        },
        status: (id) => statusById.get(id),
      })
    : undefined;

  let record: LoadingRecord | undefined;
  if (r.record) {
    const values: Record<string, unknown> = {};
    for (const id of r.record.fields) values[id] = state.values.get(id) ?? null;
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
    totals: { all: all.all!, bySection, bySeverity: { general: bySeverity.general!, major: bySeverity.major! } },
    majorHazards,
    unverifiedItems: unverified,
    ...(score ? { score } : {}),
    ...(record ? { record } : {}),
    issues: [...issues, ...runtimeIssues],
  };
}

const join = (parts: readonly LocalizedText[]): LocalizedText =>
  perLocale((l) => parts.map((t) => t[l]).join(l === 'zh-CN' ? '；' : '; '));

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
      return truthy(compileNode(f.appliesWhen)(state.data, { missing: null, above: [] }));
    } catch {
      return true;
    }
  };
  const inputs = pi.vars
    .map((v) => p.fieldOf(v))
    .filter((f, i, all) => f !== undefined && all.indexOf(f) === i)
    .map((f) => ({ field: f!.id, label: f!.label, value: state.values.get(f!.id) ?? null }));

  if (s.status === 'incomplete') {
    // What stopped the evaluation first, then every other blank required input the item reads
    // and shows, so the inspector can fill them all at once.
    const keys = [...(s.missing ?? [])];
    for (const v of pi.vars) {
      const f = p.fieldOf(v);
      if (f && f.required && !state.values.has(f.id) && !keys.includes(f.id) && fieldShown(f)) keys.push(f.id);
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

  const ctx: EvalContext = { missing: null, above: [] };
  const messages: LocalizedText[] = [];
  for (const e of pi.explain) {
    try {
      if (e.when && !truthy(e.when(state.data, ctx))) continue;
      const values: Record<string, unknown> = {};
      for (const [name, fn] of e.values) values[name] = fn(state.data, ctx);
      const read = (name: string) => {
        const f = fields.get(name);
        return f
          ? { found: true, value: state.values.get(name) ?? null, field: f }
          : { found: false, value: undefined };
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
      text: join([...messages, said]),
      messages,
      conditions: [],
      inputs,
      missing: [],
      ...(judgment.note ? { note: judgment.note } : {}),
    };
  }
  const conditions = pi.item.check === undefined ? [] : decisiveConditions(pi.item.check, state.data, fields);
  const text = messages.length > 0 ? join(messages) : join(conditions.map((c) => c.text));
  return { text, messages, conditions, inputs, missing: [] };
}
