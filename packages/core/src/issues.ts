import type { LocalizedText } from './text.js';

/** A step in a JSON path: an object key or an array index. */
export type PathSegment = string | number;

/**
 * Everything that can be wrong with a ruleset, a rule or a set of answers.
 * Codes are stable: hosts may switch on them.
 */
export const ISSUE_CODES = [
  'invalid_json',
  'invalid_type',
  'missing_property',
  'unknown_property',
  'invalid_value',
  'invalid_format',
  'too_small',
  'too_big',
  'unsupported_dialect',
  'invalid_date_range',
  'duplicate_section_id',
  'duplicate_field_id',
  'duplicate_item_id',
  'duplicate_scoring_id',
  'field_id_conflict',
  'unknown_section',
  'unknown_variable',
  'unknown_field',
  'unknown_item',
  'unknown_criterion',
  'unknown_band',
  'missing_check',
  'bands_not_descending',
  'invalid_option',
  'unknown_operator',
  'invalid_arguments',
  'logic_too_deep',
  'logic_too_large',
  'unknown_answer',
  'invalid_answer',
  'answer_out_of_range',
  'unknown_unit',
  'invalid_evaluation_date',
  'logic_error',
  'unknown_base',
  'invalid_base',
  'extends_cycle',
  'compose_conflict',
  'removed_item_referenced',
  'insufficient_version_bump',
  'ruleset_id_mismatch',
  'no_version_valid',
  'item_never_applies',
  'check_always_passes',
  'check_always_fails',
  'unused_field',
  'untranslated_text',
  'basis_without_clause',
  'unreadable_file',
  'file_name_mismatch',
  'case_failed',
  'invalid_record',
  // Closed-loop hazard management (findings/): steps the process forbids.
  'finding_wrong_state',
  'close_unverified',
  'self_verification',
  'wrong_verifier',
  'verifier_required',
  'due_date_required',
  'date_before_finding',
  'date_out_of_order',
  'verification_incomplete',
  'not_composed',
] as const;

/** One of {@link ISSUE_CODES}. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Whether an issue stops the work (`error`) or only deserves a look (`warning`). */
export type IssueSeverity = 'error' | 'warning';

/**
 * A problem found in input, as data: never thrown at the caller.
 * `path` points into the JSON that was given (the ruleset file, the answers).
 */
export interface Issue {
  readonly code: IssueCode;
  readonly path: readonly PathSegment[];
  readonly message: LocalizedText;
  readonly severity: IssueSeverity;
}

/** Makes an {@link Issue}. */
export function issue(
  code: IssueCode,
  path: readonly PathSegment[],
  message: LocalizedText,
  severity: IssueSeverity = 'error',
): Issue {
  return { code, path: [...path], message, severity };
}

/** Formats a path the way editors show it: `items[3].check.and[0]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '(root)';
}

/**
 * The one error class of the package. It is thrown only where an API cannot return data
 * (a rule handed to {@link compileLogic} that does not compile), and carries the issues.
 */
export class SafecheckError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(issues.map((i) => `${formatPath(i.path)}: ${i.message.en} (${i.code})`).join('\n'));
    this.name = 'SafecheckError';
    this.issues = issues;
  }
}
