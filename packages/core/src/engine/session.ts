import {
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
import { SafecheckError } from '../issues.js';
import { newContext, type EvalContext } from './compile.js';
import {
  buildReport,
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

/**
 * A live evaluation for forms: when an answer changes, only the items that read it are
 * evaluated again, and the update says which items changed.
 *
 * @example
 * const session = createSession(ruleset, {}, { date: '2026-03-13' });
 * session.set('escort.present', false).changed; // [{ id: 'lfc.c2-personnel', from: 'incomplete', to: 'fail' }]
 */
export class Session {
  /** The ruleset being answered. */
  readonly ruleset: Ruleset;
  readonly #p: Prepared;
  readonly #state: EvalState;
  readonly #states: ItemState[];
  // The answers as given, copied on first use: until then, the given keys and their values.
  #raw: Record<string, unknown> | undefined;
  #given: Given | undefined;
  readonly #issues = new Map<string, Issue>();
  readonly #ctx: EvalContext;
  readonly #explain: boolean;
  #outcome: Outcome;

  /** @internal Use {@link createSession}. */
  constructor(ruleset: Ruleset, answers: Answers = {}, options: EvaluateOptions = {}) {
    if (!isParsed(ruleset)) {
      const result = parseRuleset(ruleset);
      if (!result.success) throw new SafecheckError(result.issues);
      ruleset = result.ruleset;
    }
    this.ruleset = ruleset;
    this.#p = prepare(ruleset);
    this.#explain = options.explain !== false;
    const { state, issues, given } = stateFrom(ruleset, answers, options.date, true);
    this.#state = state;
    this.#ctx = newContext(state.slots);
    for (const i of issues) this.#issues.set(String(i.path[0] ?? ''), i);
    // A snapshot, so that the caller may change its object: the keys and values read while
    // checking them, made an object on demand.
    if (given) this.#given = given;
    else {
      this.#raw = {};
      if (answers && typeof answers === 'object')
        for (const [k, v] of Object.entries(answers)) if (!isBlank(v)) this.#raw[k] = v;
    }
    this.#states = evaluateItems(this.#p, state, this.#ctx);
    this.#outcome = outcomeOf(this.#states);
  }

  /** The current answers, as given (including ones with issues). */
  get answers(): Answers {
    return { ...this.#answers() };
  }

  #answers(): Record<string, unknown> {
    if (this.#raw) return this.#raw;
    const raw: Record<string, unknown> = {};
    const { keys, values } = this.#given!;
    for (let i = 0; i < keys.length; i++) if (!isBlank(values[i])) raw[keys[i]!] = values[i];
    this.#given = undefined;
    return (this.#raw = raw);
  }

  /** The current outcome. */
  get outcome(): Outcome {
    return this.#outcome;
  }

  /** The issues of the current answers. */
  get issues(): readonly Issue[] {
    return [...this.#issues.values()];
  }

  /** Sets one answer (a field id, or a judgment item's id); `null` or `undefined` clears it. */
  set(key: string, value: unknown): SessionUpdate {
    return this.update({ [key]: value });
  }

  /** Sets several answers at once. */
  update(answers: Answers): SessionUpdate {
    const touched = new Set<number>();
    const issues: Issue[] = [];
    const raw = this.#answers();
    for (const [key, value] of Object.entries(answers)) {
      this.#issues.delete(key);
      if (isBlank(value)) delete raw[key];
      else raw[key] = value;
      const field = this.#p.lookup.fields.get(key);
      const item = field ? undefined : this.#p.lookup.judgmentItems.get(key);
      if (!field && !item) {
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
    for (const f of this.ruleset.fields) {
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
    return buildReport(this.#p, this.#state, this.#states, this.issues, this.#explain);
  }
}

/** Starts a {@link Session} on a parsed ruleset. */
export function createSession(ruleset: Ruleset, answers: Answers = {}, options: EvaluateOptions = {}): Session {
  return new Session(ruleset, answers, options);
}
