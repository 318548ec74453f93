import type { Judgment } from '../answers/answers.js';
import type { Condition } from '../engine/explain.js';
import type { ScoreResult } from '../grading/score.js';
import type { Issue } from '../issues.js';
import type { LocalizedText } from '../text.js';

/** An item's verdict: `incomplete` when inputs it needs are missing. */
export type ItemStatus = 'pass' | 'fail' | 'not_applicable' | 'incomplete';

/** The whole ruleset's outcome: fail if any item fails, else incomplete if any is, else pass. */
export type Outcome = 'pass' | 'fail' | 'incomplete';

/** Why an item failed or is incomplete, in words and as data. */
export interface Explanation {
  /** The sentences, in zh-CN and en: the ruleset's own words first, then the engine's. */
  readonly text: LocalizedText;
  /** The ruleset's `explain` sentences that applied. */
  readonly messages: readonly LocalizedText[];
  /** The sub-conditions that decided. */
  readonly conditions: readonly Condition[];
  /** Every input the item's rules read, with its value. */
  readonly inputs: readonly { readonly field: string; readonly label: LocalizedText; readonly value: unknown }[];
  /** For incomplete items: the fields (or judgment item ids) that need an answer. */
  readonly missing: readonly { readonly field: string; readonly label: LocalizedText }[];
  /** The inspector's note, for judgment items. */
  readonly note?: string;
  /** Set when a rule raised an error (`throw`) instead of deciding. */
  readonly error?: string;
}

/** One item of a report. */
export interface ItemResult {
  readonly id: string;
  readonly section: string;
  readonly status: ItemStatus;
  readonly severity: 'general' | 'major';
  readonly title: LocalizedText;
  readonly provenance: 'verified' | 'unverified';
  readonly majorHazard?: string;
  /** Present for `fail` and `incomplete`. */
  readonly explanation?: Explanation;
  /** The inspector's judgment, for judgment items that have one. */
  readonly judgment?: Judgment;
}

/** Counts of item statuses. */
export interface Counts {
  readonly total: number;
  readonly pass: number;
  readonly fail: number;
  readonly not_applicable: number;
  readonly incomplete: number;
}

/** A major hazard (重大隐患) found: a failed item that meets a criterion. */
export interface MajorHazard {
  readonly criterion: string;
  readonly criterionTitle?: LocalizedText;
  readonly item: string;
  readonly title: LocalizedText;
}

/** A record to keep, as the ruleset's `record` block asks: a portal stores it as it is. */
export interface LoadingRecord {
  /** The recorded answers by field id; blank ones are null. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly outcome: Outcome;
  readonly outcomeLabel?: LocalizedText;
  readonly date: string | null;
  /** How long to keep it, and on what basis. */
  readonly retention?: LocalizedText;
}

/** The report of one evaluation. Plain data: serialisable, and the same bytes for the same input. */
export interface Report {
  readonly ruleset: { readonly id: string; readonly version: string; readonly title: LocalizedText };
  /** The evaluation date given, if any. */
  readonly date: string | null;
  readonly outcome: Outcome;
  /** The ruleset's label for the outcome (LOAD / REFUSE), when it has one. */
  readonly outcomeLabel?: LocalizedText;
  readonly items: readonly ItemResult[];
  readonly totals: {
    readonly all: Counts;
    readonly bySection: Readonly<Record<string, Counts>>;
    readonly bySeverity: { readonly general: Counts; readonly major: Counts };
  };
  readonly majorHazards: readonly MajorHazard[];
  /** How many applicable items rest on unverified wording. */
  readonly unverifiedItems: number;
  readonly score?: ScoreResult;
  /** What the ruleset asks to keep (the loading record): the values, the outcome and the date. */
  readonly record?: LoadingRecord;
  /** Problems with the answers (or the ruleset): unknown keys, wrong types. */
  readonly issues: readonly Issue[];
}
