import {
  answerKeys,
  notAnswers,
  checkFieldAnswer,
  checkJudgment,
  isBlank,
  unknownAnswer,
  type Answers,
  type Judgment,
} from '../answers/answers.js';
import type { Issue } from '../issues.js';
import { isParsed, parseRuleset } from '../parse.js';
import type { ItemResult, ItemStatus, Outcome, Report } from '../report/types.js';
import type { Ruleset } from '../schema/ruleset.js';
import { newContext, type EvalContext } from './compile.js';
import {
  buildReport,
  evaluate,
  evaluateItem,
  evaluateItems,
  outcomeOf,
  resultOf,
  stateFrom,
  type EvalState,
  type EvaluateOptions,
  type Given,
  type ItemState,
} from './evaluate.js';
import { truthy } from './operators.js';
import { prepare, type Prepared } from './prepare.js';

/** An item whose status an answer changed. */
export interface ItemChange {
  readonly id: string;
  readonly from: ItemStatus;
  readonly to: ItemStatus;
}

/** What one update did. */
export interface SessionUpdate {
  /** The items whose status changed, in ruleset order. */
  readonly changed: readonly ItemChange[];
  /** The issues of the answers just given (empty when they are valid). */
  readonly issues: readonly Issue[];
  readonly outcome: Outcome;
}

/** Answered of applicable: what a progress bar shows. */
export interface Progress {
  /** Required visible fields and applicable judgment items that have an answer. */
  readonly answered: number;
  /** Required visible fields and applicable judgment items. */
  readonly total: number;
}

// What a session on an invalid ruleset runs on: nothing to answer, nothing to evaluate.
const NOTHING = { sections: [], fields: [], items: [] } as unknown as Ruleset;

/**
 * A live evaluation for forms: when an answer changes, only the items that read it are
 * evaluated again, and the update says which items changed. Whatever the history of updates,
 * its report is the one {@link evaluate} gives on {@link Session.answers} at the same date (before
 * any update, on the answers given). Never throws on bad answers, nor on an invalid ruleset.
 *
 * @example
 * const session = createSession(ruleset, {}, { date: '2026-03-13' });
 * session.set('escort.present', false).changed; // [{ id: 'lfc.c2-personnel', from: 'incomplete', to: 'fail' }]
 */
export class Session {
  /** The ruleset being answered (as given when it is invalid). */
  readonly ruleset: Ruleset;
  readonly #p: Prepared;
  readonly #state: EvalState;
  readonly #states: ItemState[];
  // The answers as given, copied on first use: until then, the given keys and their values.
  // Without a prototype, so that every key (`__proto__` too) is an own key.
  #raw: Record<string, unknown> | undefined;
  #given: Given | undefined;
  /** Issues of the answers, by answer key. */
  readonly #issues = new Map<string, Issue>();
  /** The issue of answers given at the start that were not an object, until answers are set. */
  #answersIssue: Issue | undefined;
  /** The issue of the evaluation date: it stays, as the date does. */
  readonly #dateIssue: Issue | undefined;
  /** The report of an invalid ruleset: the ruleset's issues, whatever the answers. */
  readonly #invalid: Report | undefined;
  readonly #ctx: EvalContext;
  readonly #explain: boolean;
  #outcome: Outcome;

  /** @internal Use {@link createSession}. */
  constructor(ruleset: Ruleset, answers: Answers = {}, options: EvaluateOptions = {}) {
    if (!isParsed(ruleset)) {
      const result = parseRuleset(ruleset);
      if (result.success) ruleset = result.ruleset;
      // As evaluate does: a report of the ruleset's issues, not a throw.
      else this.#invalid = evaluate(ruleset, answers, options);
    }
    this.ruleset = ruleset;
    if (this.#invalid) ruleset = NOTHING;
    this.#p = prepare(ruleset);
    this.#explain = options.explain !== false;
    const { state, issues, given } = stateFrom(ruleset, answers, options.date, true);
    this.#state = state;
    this.#ctx = newContext(state.slots);
    if (!this.#invalid) {
      for (const i of issues) {
        if (i.code === 'invalid_evaluation_date') this.#dateIssue = i;
        else if (i.path.length === 0) this.#answersIssue = i;
        // Every other issue is one answer's, at its key.
        else this.#issues.set(String(i.path[0]), i);
      }
    }
    // A snapshot, so that the caller may change its object: the keys and values read while
    // checking them, made an object on demand.
    if (given) this.#given = given;
    else this.#raw = Object.create(null) as Record<string, unknown>;
    this.#states = evaluateItems(this.#p, state, this.#ctx);
    this.#outcome = this.#invalid ? this.#invalid.outcome : outcomeOf(this.#states);
  }

  /** The current answers, as given (including ones with issues). */
  get answers(): Answers {
    return { ...this.#answers() };
  }

  #answers(): Record<string, unknown> {
    if (this.#raw) return this.#raw;
    const raw = Object.create(null) as Record<string, unknown>;
    const { keys, values } = this.#given!;
    // Blank answers are left out, but for unknown keys: their issue stays, so they do.
    for (let i = 0; i < keys.length; i++)
      if (!isBlank(values[i]) || this.#issues.has(keys[i]!)) raw[keys[i]!] = values[i];
    this.#given = undefined;
    return (this.#raw = raw);
  }

  /** The current outcome. */
  get outcome(): Outcome {
    return this.#outcome;
  }

  /** The issues of the current answers, in the order {@link evaluate} gives them. */
  get issues(): readonly Issue[] {
    if (this.#invalid) return [...this.#invalid.issues];
    const out: Issue[] = [];
    if (this.#answersIssue) out.push(this.#answersIssue);
    // In the answers' key order, as evaluate lists them. Until an update the issues were kept in
    // that order; after one, the keys are walked (only when there are issues to order).
    if (this.#given || this.#issues.size < 2) out.push(...this.#issues.values());
    else
      for (const key of Object.keys(this.#raw!)) {
        const i = this.#issues.get(key);
        if (i) out.push(i);
      }
    if (this.#dateIssue) out.push(this.#dateIssue);
    return out;
  }

  /** Sets one answer (a field id, or a judgment item's id); `null` or `undefined` clears it. */
  set(key: string, value: unknown): SessionUpdate {
    return this.update({ [key]: value });
  }

  /**
   * Sets several answers at once. Answers that are not an object (null included) are refused
   * whole with an issue, and nothing changes.
   */
  update(answers: Answers): SessionUpdate {
    const keys = answerKeys(answers);
    if (!Array.isArray(keys)) {
      // answerKeys reads null as no answers at all; an update of null is a caller's mistake.
      return { changed: [], issues: [keys ?? notAnswers()], outcome: this.#outcome };
    }
    const touched = new Set<number>();
    const issues: Issue[] = [];
    const raw = this.#answers();
    // Once answers are set, the session's answers are an object, whatever was given at the start.
    if (keys.length > 0) this.#answersIssue = undefined;
    for (const key of keys) {
      const value = answers[key];
      this.#issues.delete(key);
      if (isBlank(value)) delete raw[key];
      else raw[key] = value;
      // An invalid ruleset reads no answer: they are only kept.
      if (this.#invalid) continue;
      const field = this.#p.lookup.fields.get(key);
      const item = field ? undefined : this.#p.lookup.judgmentItems.get(key);
      if (!field && !item) {
        // A blank clears an unknown answer like any other.
        if (isBlank(value)) continue;
        const i = unknownAnswer(key);
        this.#issues.set(key, i);
        issues.push(i);
        continue;
      }
      let valid: unknown;
      if (!isBlank(value)) {
        const checked = field ? checkFieldAnswer(field, value) : checkJudgment(item!, value);
        if (checked.ok) valid = checked.value;
        else {
          this.#issues.set(key, checked.issue);
          issues.push(checked.issue);
        }
      }
      if (field) this.#state.setValue(key, valid);
      else this.#state.verdicts[this.#p.itemIndex.get(key)!] = valid as Judgment | undefined;
      for (const i of this.#p.dependents(key)) touched.add(i);
    }
    const changed: ItemChange[] = [];
    for (const i of [...touched].sort((a, b) => a - b)) {
      const before = this.#states[i]!;
      const after = evaluateItem(this.#p, this.#state, this.#p.items[i]!, this.#ctx);
      this.#states[i] = after;
      if (before.status !== after.status)
        changed.push({ id: this.#p.items[i]!.item.id, from: before.status, to: after.status });
    }
    if (changed.length > 0) this.#outcome = outcomeOf(this.#states);
    return { changed, issues, outcome: this.#outcome };
  }

  /** An item's current status. */
  status(id: string): ItemStatus | undefined {
    const index = this.#p.items.findIndex((pi) => pi.item.id === id);
    return index < 0 ? undefined : this.#states[index]!.status;
  }

  /** Every item's current status, in ruleset order. */
  statuses(): ReadonlyMap<string, ItemStatus> {
    return new Map(this.#p.items.map((pi, i) => [pi.item.id, this.#states[i]!.status]));
  }

  /** Whether a field is shown: its `appliesWhen` holds (or it has none). */
  fieldApplies(id: string): boolean {
    const rule = this.#p.fieldRules.get(id);
    if (!rule) return this.#p.lookup.fields.has(id);
    try {
      return truthy(rule(this.#state.ruleData, this.#ctx));
    } catch {
      // A field whose rule raises stays visible: hiding it could lose an answer.
      return true;
    }
  }

  /** Answered of applicable, for a progress bar. */
  progress(): Progress {
    let answered = 0;
    let total = 0;
    for (const f of this.#p.ruleset.fields) {
      if (!f.required || !this.fieldApplies(f.id)) continue;
      total++;
      if (this.#state.value(f.id) !== undefined) answered++;
    }
    this.#p.items.forEach((pi, i) => {
      if (!pi.item.judgment || this.#states[i]!.status === 'not_applicable') return;
      if (this.#states[i]!.missing && this.#states[i]!.missing![0] !== pi.item.id) return;
      total++;
      if (this.#state.verdicts[i] !== undefined) answered++;
    });
    return { answered, total };
  }

  /**
   * One item's report entry, with its explanation when it fails or is incomplete: what a form
   * shows beside the item as the inspector answers, without a report of every item.
   */
  item(id: string): ItemResult | undefined {
    const index = this.#p.items.findIndex((pi) => pi.item.id === id);
    if (index < 0) return undefined;
    return resultOf(this.#p, this.#state, this.#p.items[index]!, this.#states[index]!, this.#explain);
  }

  /** The full report of the current answers. */
  report(): Report {
    if (this.#invalid) return this.#invalid;
    return buildReport(this.#p, this.#state, this.#states, this.issues, this.#explain);
  }
}

/**
 * Starts a {@link Session} on a parsed ruleset. An unparsed object is parsed first; if it is
 * invalid the session has no items, its report (as {@link evaluate}'s) carries the ruleset's
 * issues, and updates only keep the answers.
 */
export function createSession(ruleset: Ruleset, answers: Answers = {}, options: EvaluateOptions = {}): Session {
  return new Session(ruleset, answers, options);
}
