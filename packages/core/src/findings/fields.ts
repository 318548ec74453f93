import { itemInputs } from '../engine/evaluate.js';
import type { Field, Ruleset } from '../schema/ruleset.js';

/**
 * The fields a verifier answers to re-evaluate an item: every field its `appliesWhen` and `check`
 * read (a read of a group, `doc`, counts for each field in it), in ruleset order. All fields when
 * a rule reads a computed path; none for a judgment item, which the verifier answers with a
 * verdict keyed by the item's id. Empty for an unknown item.
 *
 * @example
 * verificationFields(ruleset, 'lfc.c3-inspection-validity').map((f) => f.id);
 * // ['vehicle.inspection_valid_to', 'tank.inspection_valid_to', 'loading.date']
 */
export function verificationFields(ruleset: Ruleset, itemId: string): readonly Field[] {
  return itemInputs(ruleset, itemId);
}
