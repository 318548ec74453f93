import { isParsed, parseRuleset, type Issue, type Ruleset } from '@safecheck/core';

const checked = new WeakMap<object, { ruleset: Ruleset } | { issues: readonly Issue[] }>();

/**
 * Parses a ruleset once per object: hosts often hand the same object to a form and a report,
 * or set it again after a re-render.
 */
export function loadRuleset(value: unknown): { ruleset: Ruleset } | { issues: readonly Issue[] } {
  if (value === null || typeof value !== 'object') {
    const result = parseRuleset(value);
    return result.success ? { ruleset: result.ruleset } : { issues: result.issues };
  }
  let hit = checked.get(value);
  if (!hit) {
    hit = check(value);
    checked.set(value, hit);
    if ('ruleset' in hit) checked.set(hit.ruleset, hit);
  }
  return hit;
}

/** A ruleset that `parseRuleset` returned is used as it is: its checks are not run twice. */
function check(value: object): { ruleset: Ruleset } | { issues: readonly Issue[] } {
  if (isParsed(value)) return { ruleset: value as Ruleset };
  const result = parseRuleset(value);
  return result.success ? { ruleset: result.ruleset } : { issues: result.issues };
}

/** Fetches and parses a ruleset from a URL. Problems come back as a message, never thrown. */
export async function fetchRuleset(
  url: string,
  signal?: AbortSignal,
): Promise<{ ruleset: Ruleset } | { issues: readonly Issue[] } | { error: string }> {
  try {
    const response = await fetch(url, { signal, credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) return { error: `${response.status} ${response.statusText}`.trim() };
    const result = parseRuleset(await response.text());
    return result.success ? { ruleset: result.ruleset } : { issues: result.issues };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
