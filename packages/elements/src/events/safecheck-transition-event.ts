import type { Finding, FindingEvent } from '@safecheck/core';

/**
 * Fired by `<safecheck-findings>` when a user's action on a finding was accepted by core's
 * transition (assign, rectify, verify, close, reopen). The host stores `finding` and appends
 * `event`. Bubbles, crosses shadow roots and is cancelable: `preventDefault()` keeps the list as
 * it was (say, until the host's server has accepted the change; set `findings` then).
 *
 * @example
 * list.addEventListener('safecheck-transition', (e) => store.save(e.finding, e.event));
 */
export class SafecheckTransitionEvent extends Event {
  static readonly eventName = 'safecheck-transition' as const;

  /** The finding after the transition. */
  readonly finding: Finding;
  /** The finding before it. */
  readonly previous: Finding;
  /** The event that records the transition: who, when, what, from and to. */
  readonly event: FindingEvent;
  /** Every finding of the list after the transition (a new array; the others unchanged). */
  readonly findings: readonly Finding[];

  constructor(init: { finding: Finding; previous: Finding; event: FindingEvent; findings: readonly Finding[] }) {
    super(SafecheckTransitionEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.finding = init.finding;
    this.previous = init.previous;
    this.event = init.event;
    this.findings = init.findings;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'safecheck-transition': SafecheckTransitionEvent;
  }
}
