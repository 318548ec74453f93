import type { Field, Item, Ruleset } from '../schema/ruleset.js';
import type { LocalizedText } from '../text.js';

/** Ids that changed between two versions, old id → new id. */
export interface Renames {
  readonly fields: ReadonlyMap<string, string>;
  /** Judgment items, whose answers are keyed by their id. */
  readonly items: ReadonlyMap<string, string>;
}

const sameText = (a: LocalizedText, b: LocalizedText): boolean => a['zh-CN'] === b['zh-CN'] || a.en === b.en;

function pair<T extends { id: string }>(
  gone: readonly T[],
  added: readonly T[],
  match: (a: T, b: T) => boolean,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of gone) {
    const candidates = added.filter((b) => match(a, b));
    if (candidates.length !== 1) continue;
    const b = candidates[0]!;
    if (gone.filter((x) => match(x, b)).length !== 1) continue;
    out.set(a.id, b.id);
  }
  return out;
}

/**
 * @internal Ids that were probably renamed: a field gone from `from` and a field new in `to` with
 * the same type and the same label (in either language), matched one to one; likewise judgment
 * items by their title. Used by the diff (to say "renamed") and by migration (to carry answers).
 */
export function guessRenames(from: Ruleset, to: Ruleset): Renames {
  const oldFields = new Set(from.fields.map((f) => f.id));
  const newFields = new Set(to.fields.map((f) => f.id));
  const fields = pair<Field>(
    from.fields.filter((f) => !newFields.has(f.id)),
    to.fields.filter((f) => !oldFields.has(f.id)),
    (a, b) => a.type === b.type && sameText(a.label, b.label),
  );
  const oldItems = new Set(from.items.map((i) => i.id));
  const newItems = new Set(to.items.map((i) => i.id));
  const items = pair<Item>(
    from.items.filter((i) => i.judgment && !newItems.has(i.id)),
    to.items.filter((i) => i.judgment && !oldItems.has(i.id)),
    (a, b) => sameText(a.title, b.title),
  );
  return { fields, items };
}
