import type { ItemStatus } from '../report/types.js';
import type { LocalizedText } from '../text.js';

/**
 * Where a finding stands in the closed loop (隐患闭环):
 * - `open`: found and recorded, nobody answers for it yet;
 * - `assigned`: someone must rectify it by a due date;
 * - `rectified`: the rectification is reported, with evidence, and awaits verification;
 * - `verified`: an inspector re-evaluated the item through the engine and it passed;
 * - `closed`: struck off (销号).
 */
export type FindingStatus = 'open' | 'assigned' | 'rectified' | 'verified' | 'closed';

/** The statuses in lifecycle order. */
export const FINDING_STATUSES: readonly FindingStatus[] = ['open', 'assigned', 'rectified', 'verified', 'closed'];

/** What a user can ask of a finding; {@link findingActions} lists the ones its status allows. */
export type FindingCommand = 'assign' | 'rectify' | 'verify' | 'close' | 'reopen';

/**
 * The tracking class of a finding, which picks its rule in a {@link FindingPolicy}: `majorHazard`
 * when the failed item meets a major-hazard criterion (重大事故隐患), else the item's severity.
 */
export type TrackingLevel = 'general' | 'major' | 'majorHazard';

/** How findings of one tracking level are followed. */
export interface TrackingRule {
  /**
   * Days from the date found to the default due date, 0 to 3660 (ten years). `null`: tracked
   * individually, the due date is set one by one when the finding is assigned, and assigning
   * without one is refused.
   */
  readonly dueDays: number | null;
  /** Whether the assignment must name the inspector who will verify the rectification. */
  readonly namedVerifier: boolean;
}

/**
 * The rules by which findings are followed, by tracking level. A host's choice, not the law:
 * local rules and the enterprise's own system set the periods. See {@link DEFAULT_FINDING_POLICY}.
 */
export interface FindingPolicy {
  readonly general: TrackingRule;
  readonly major: TrackingRule;
  readonly majorHazard: TrackingRule;
}

/** The rule a finding was made under: a copy of the policy's rule, so later policy changes do not rewrite records. */
export interface Tracking extends TrackingRule {
  readonly level: TrackingLevel;
}

/** An input the failed item read, with the value it had when the finding was made. */
export interface FindingInput {
  readonly field: string;
  readonly label: LocalizedText;
  readonly value: unknown;
}

/** What was done to rectify a finding. */
export interface Rectification {
  /** Who reports the rectification. */
  readonly by: string;
  /** When (ISO date or date-time). */
  readonly at: string;
  /** What was done. */
  readonly action: string;
  /** References to the evidence (photo ids, document numbers, URLs), as the host stores them. */
  readonly evidence: readonly string[];
}

/** A re-evaluation of the finding's item through the engine with the inputs the verifier supplied. */
export interface Verification {
  /** The inspector who verified. */
  readonly by: string;
  /** When (ISO date or date-time). */
  readonly at: string;
  /** The evaluation date given to the engine (`YYYY-MM-DD`). */
  readonly date: string;
  /** The ruleset version the item was re-evaluated with. */
  readonly version: string;
  /** The item's status in the re-evaluation: `pass` or `not_applicable` verify, `fail` reopens. */
  readonly status: ItemStatus;
  /** Whether the rectification is verified. */
  readonly passed: boolean;
  /** The answers the verifier supplied. */
  readonly answers: Readonly<Record<string, unknown>>;
  /** Why the item still fails, for a failed verification. */
  readonly explanation?: LocalizedText;
}

/**
 * A hazard found: one failed item of one inspection, and where it stands. A plain JSON record:
 * the host stores it (and its {@link FindingEvent}s) however it likes; every transition returns
 * a new record and never changes the one given.
 */
export interface Finding {
  /** `<inspection>/<item>`: unique as long as the inspection id is. */
  readonly id: string;
  /** The inspection that found it. */
  readonly inspection: string;
  /** The ruleset (and its version) the item belongs to. */
  readonly ruleset: { readonly id: string; readonly version: string };
  /** The failed item's id. */
  readonly item: string;
  /** The item's section id. */
  readonly section: string;
  /** The item's title. */
  readonly title: LocalizedText;
  /** The item's severity. */
  readonly severity: 'general' | 'major';
  /** The major-hazard criterion the item meets, if any. */
  readonly majorHazard?: { readonly criterion: string; readonly title?: LocalizedText };
  /** Why the item failed, in the engine's words. */
  readonly explanation: LocalizedText;
  /** The inputs the item read when it failed: where a verifier starts. */
  readonly inputs: readonly FindingInput[];
  /** Whether the item is decided by the inspector's judgment rather than by a rule. */
  readonly judgment: boolean;
  /** The date found (`YYYY-MM-DD`). */
  readonly found: string;
  /** The enterprise inspected. */
  readonly enterprise: { readonly id: string; readonly name: string };
  /** The inspector who found it. */
  readonly inspector: string;
  /** The rule it is tracked by. */
  readonly tracking: Tracking;
  /** Where it stands. */
  readonly status: FindingStatus;
  /** Who must rectify it (a person or a department), once assigned. */
  readonly assignee?: string;
  /** The date it must be rectified by (`YYYY-MM-DD`, that day included). */
  readonly due?: string;
  /** The inspector named to verify it. */
  readonly verifier?: string;
  /** The rectification awaiting or having passed verification. */
  readonly rectification?: Rectification;
  /** The last verification, passed or failed. */
  readonly verification?: Verification;
  /** Who closed it and when. */
  readonly closed?: { readonly by: string; readonly at: string };
  /** How many times it went back to `assigned` (failed verifications and reopenings). */
  readonly reopened: number;
  /** The time of its last event. */
  readonly updated: string;
  /** How many events it has had: the `seq` of the next one. */
  readonly events: number;
}

/** What an event did. */
export type FindingAction =
  'found' | 'assigned' | 'rectified' | 'verified' | 'verification_failed' | 'closed' | 'reopened';

/** The fields every {@link FindingEvent} has. */
export interface FindingEventBase {
  /** The finding's id. */
  readonly finding: string;
  /** The event's place in the finding's history, from 0. */
  readonly seq: number;
  /** What happened. */
  readonly action: FindingAction;
  /** Who did it. */
  readonly by: string;
  /** When (ISO date or date-time): always an input, never the clock. */
  readonly at: string;
  /** The status before (`null` for `found`). */
  readonly from: FindingStatus | null;
  /** The status after. */
  readonly to: FindingStatus;
  /** A free note. */
  readonly note?: string;
}

/** A finding was made from a failed item. */
export interface FoundEvent extends FindingEventBase {
  readonly action: 'found';
}

/** A finding was assigned (or reassigned). */
export interface AssignedEvent extends FindingEventBase {
  readonly action: 'assigned';
  readonly assignee: string;
  readonly due?: string;
  readonly verifier?: string;
}

/** A rectification was reported. */
export interface RectifiedEvent extends FindingEventBase {
  readonly action: 'rectified';
  readonly rectification: Rectification;
}

/** A verification ran: passed (`verified`) or failed (`verification_failed`, back to `assigned`). */
export interface VerifiedEvent extends FindingEventBase {
  readonly action: 'verified' | 'verification_failed';
  readonly verification: Verification;
}

/** A finding was closed. */
export interface ClosedEvent extends FindingEventBase {
  readonly action: 'closed';
}

/** A verified or closed finding was reopened. */
export interface ReopenedEvent extends FindingEventBase {
  readonly action: 'reopened';
  readonly reason: string;
}

/** One recorded transition: who, when, what, from and to. Plain JSON, append-only. */
export type FindingEvent = FoundEvent | AssignedEvent | RectifiedEvent | VerifiedEvent | ClosedEvent | ReopenedEvent;
