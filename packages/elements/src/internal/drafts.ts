import type { Answers } from '@safecheck/core';

/** A saved draft: the answers as typed (invalid ones included) and when they were saved. */
export interface Draft {
  readonly answers: Answers;
  readonly savedAt: string;
}

/** The localStorage key of a draft: one per ruleset id, version and host key. */
export function draftKey(rulesetId: string, version: string, hostKey: string): string {
  return `safecheck:draft:${rulesetId}@${version}${hostKey ? `:${hostKey}` : ''}`;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Blocked storage (sandboxed iframes, some privacy modes) throws on access.
    return null;
  }
}

/**
 * Reads a draft: `null` when there is none (or storage is blocked), `'unreadable'` when
 * something is stored under the key that is not a draft (so that it is not overwritten unseen).
 */
export function readDraft(key: string): Draft | 'unreadable' | null {
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(key);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (value === null || typeof value !== 'object') return 'unreadable';
    const { answers, savedAt } = value as { answers?: unknown; savedAt?: unknown };
    if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return 'unreadable';
    return { answers: answers as Answers, savedAt: typeof savedAt === 'string' ? savedAt : '' };
  } catch {
    return 'unreadable';
  }
}

/** Saves a draft; returns false when storage is blocked or full. */
export function writeDraft(key: string, answers: Answers, now: Date = new Date()): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(key, JSON.stringify({ answers, savedAt: now.toISOString() }));
    return true;
  } catch {
    return false;
  }
}

/** Removes a draft. */
export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to remove from blocked storage.
  }
}
