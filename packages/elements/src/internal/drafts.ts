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

/** Reads a draft; a missing, blocked or unreadable one is `null`. */
export function readDraft(key: string): Draft | null {
  try {
    const text = storage()?.getItem(key);
    if (!text) return null;
    const value = JSON.parse(text) as unknown;
    if (value === null || typeof value !== 'object') return null;
    const { answers, savedAt } = value as { answers?: unknown; savedAt?: unknown };
    if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return null;
    return { answers: answers as Answers, savedAt: typeof savedAt === 'string' ? savedAt : '' };
  } catch {
    return null;
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
