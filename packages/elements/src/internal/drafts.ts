import type { Answers } from '@safecheck/core';

/**
 * A saved draft: the answers as typed (invalid ones included), when they were saved and the id of
 * the section the inspector was on (absent in drafts saved before it was kept).
 */
export interface Draft {
  readonly answers: Answers;
  readonly savedAt: string;
  readonly section?: string;
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
    const { answers, savedAt, section } = value as { answers?: unknown; savedAt?: unknown; section?: unknown };
    if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return 'unreadable';
    return {
      answers: answers as Answers,
      savedAt: typeof savedAt === 'string' ? savedAt : '',
      ...(typeof section === 'string' ? { section } : {}),
    };
  } catch {
    return 'unreadable';
  }
}

/** Saves a draft (answers, and the section when given); returns false when storage is blocked or full. */
export function writeDraft(
  key: string,
  draft: { readonly answers: Answers; readonly section?: string | undefined },
  now: Date = new Date(),
): boolean {
  try {
    const store = storage();
    if (!store) return false;
    const { answers, section } = draft;
    store.setItem(key, JSON.stringify({ answers, savedAt: now.toISOString(), ...(section ? { section } : {}) }));
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
