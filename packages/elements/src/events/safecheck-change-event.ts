import type { Answers, ItemChange, Outcome } from '@safecheck/core';

/**
 * Fired by `<safecheck-form>` after an answer changed and the items that read it were
 * evaluated again. Bubbles and crosses shadow roots.
 *
 * @example
 * form.addEventListener('safecheck-change', (event) => console.log(event.key, event.changed));
 */
export class SafecheckChangeEvent extends Event {
  static readonly eventName = 'safecheck-change' as const;

  /** The answer key that changed: a field id or a judgment item's id. */
  readonly key: string;
  /** All current answers (a copy: changing it changes nothing). */
  readonly answers: Answers;
  /** The items whose verdict this answer changed, in ruleset order. */
  readonly changed: readonly ItemChange[];
  /** The ruleset's outcome after the change. */
  readonly outcome: Outcome;

  constructor(init: { key: string; answers: Answers; changed: readonly ItemChange[]; outcome: Outcome }) {
    super(SafecheckChangeEvent.eventName, { bubbles: true, composed: true });
    this.key = init.key;
    this.answers = init.answers;
    this.changed = init.changed;
    this.outcome = init.outcome;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'safecheck-change': SafecheckChangeEvent;
  }
}
