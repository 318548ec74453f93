import type { Answers, Report } from '@safecheck/core';

/**
 * Fired by `<safecheck-form>` when the inspector confirms the review step. Bubbles, crosses
 * shadow roots and is cancelable: `preventDefault()` keeps the form from submitting its host
 * `<form>` and from clearing the saved draft.
 *
 * @example
 * form.addEventListener('safecheck-submit', (event) => save(event.answers, event.report.outcome));
 */
export class SafecheckSubmitEvent extends Event {
  static readonly eventName = 'safecheck-submit' as const;

  /** The answers submitted. */
  readonly answers: Answers;
  /** The report of these answers, as `evaluate` gives it. */
  readonly report: Report;

  constructor(init: { answers: Answers; report: Report }) {
    super(SafecheckSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.answers = init.answers;
    this.report = init.report;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'safecheck-submit': SafecheckSubmitEvent;
  }
}
