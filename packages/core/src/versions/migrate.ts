import { answerKeys, checkAnswers } from '../answers/answers.js';
import type { Field, Ruleset } from '../schema/ruleset.js';
import type { LocalizedText } from '../text.js';
import { guessRenames } from './renames.js';

/**
 * What happened to one saved answer, or what the new version asks for:
 * - `renamed`: carried to a new id (`to`), by an explicit rename or a field with the same label;
 * - `converted`: a number carried into the new unit;
 * - `dropped`: the new version has no such field or judgment item, so the answer is not carried;
 * - `invalid`: the field is still there but the answer no longer fits it (a removed option, a new
 *   bound, another type), so it is not carried;
 * - `needed`: a required field new in this version, with no answer yet.
 */
export type MigrationNoteKind = 'renamed' | 'converted' | 'dropped' | 'invalid' | 'needed';

/** One line of what a migration did. Dropped and invalid answers keep their value here. */
export interface MigrationNote {
  readonly kind: MigrationNoteKind;
  /**
   * The answer's key in the old version (the field id in the new one, for `needed`); empty for
   * saved answers that are not an object at all.
   */
  readonly key: string;
  /** The new key, for `renamed`. */
  readonly to?: string;
  /** The saved value, for everything but `needed`. */
  readonly value?: unknown;
  readonly message: LocalizedText;
}

/** Options of {@link migrateAnswers}. */
export interface MigrateOptions {
  /**
   * Renames to apply, old id → new id (fields or judgment items). Ids that changed with the label
   * kept are found without being listed; an explicit rename wins.
   */
  readonly renames?: Readonly<Record<string, string>>;
  /** Find renamed fields and judgment items by their unchanged label (default true). */
  readonly guessRenames?: boolean;
}

/** The result of {@link migrateAnswers}. */
export interface Migration {
  /** The answers for the new version, in the order they were given. */
  readonly answers: Record<string, unknown>;
  /** Every answer not carried as it was, and every new question: nothing is lost in silence. */
  readonly notes: readonly MigrationNote[];
  /** Whether some saved answer was not carried (`dropped` or `invalid` notes). */
  readonly lost: boolean;
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/**
 * Carries answers saved under one version of a ruleset to another. Answers to fields and judgment
 * items that still exist are kept when they still fit; renamed ones move to their new id; numbers
 * whose field changed unit are converted. Every answer that cannot be carried is listed with its
 * value, and every required field new in the target version is listed as needed.
 *
 * @example
 * const m = migrateAnswers(v1, v2, saved, { renames: { 'vehicle.plate_no': 'vehicle.plate' } });
 * for (const note of m.notes) console.log(note.message.en);
 */
export function migrateAnswers(from: Ruleset, to: Ruleset, answers: unknown, options: MigrateOptions = {}): Migration {
  const out: Record<string, unknown> = {};
  const notes: MigrationNote[] = [];
  const oldFields = new Map(from.fields.map((f) => [f.id, f]));
  const newFields = new Map(to.fields.map((f) => [f.id, f]));
  const oldJudgments = new Set(from.items.filter((i) => i.judgment).map((i) => i.id));
  const newJudgments = new Set(to.items.filter((i) => i.judgment).map((i) => i.id));
  const guessed = options.guessRenames === false ? undefined : guessRenames(from, to);
  const renames = new Map<string, string>([
    ...(guessed ? [...guessed.fields, ...guessed.items] : []),
    ...Object.entries(options.renames ?? {}),
  ]);
  const label = (key: string): LocalizedText =>
    newFields.get(key)?.label ?? oldFields.get(key)?.label ?? { 'zh-CN': key, en: key };
  const name = (key: string) => ({ 'zh-CN': `“${label(key)['zh-CN']}”（${key}）`, en: `"${label(key).en}" (${key})` });

  const keys = answerKeys(answers);
  if (keys !== null && !Array.isArray(keys)) {
    // Not an object of answers: the whole of it is what cannot be carried.
    notes.push({ kind: 'invalid', key: '', value: answers, message: keys.message });
  }
  const saved = Array.isArray(keys) ? (answers as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined || value === null || value === '') continue;
    let target = key;
    const renamed = renames.get(key);
    if (
      renamed !== undefined &&
      (newFields.has(renamed) || newJudgments.has(renamed)) &&
      !newFields.has(key) &&
      !newJudgments.has(key)
    ) {
      target = renamed;
    } else if (!newFields.has(key) && !newJudgments.has(key)) {
      const known = oldFields.has(key) || oldJudgments.has(key);
      const n = name(key);
      notes.push({
        kind: 'dropped',
        key,
        value,
        message: known
          ? {
              'zh-CN': `${n['zh-CN']} 在 ${to.version} 版中已删除，答案 ${show(value)} 未转入`,
              en: `${n.en} was removed in ${to.version}; the answer ${show(value)} is not carried`,
            }
          : {
              'zh-CN': `${n['zh-CN']} 在两个版本中都不存在，答案 ${show(value)} 未转入`,
              en: `${n.en} exists in neither version; the answer ${show(value)} is not carried`,
            },
      });
      continue;
    }
    // Carry numbers across a change of unit.
    const before = oldFields.get(key);
    const after = newFields.get(target);
    let carried = value;
    let converted = false;
    if (
      before?.type === 'number' &&
      after?.type === 'number' &&
      before.unit &&
      after.unit &&
      before.unit !== after.unit &&
      typeof value === 'number'
    ) {
      carried = { value, unit: before.unit };
      converted = true;
    }
    const checked = checkAnswers(to, { [target]: carried });
    const problem = checked.issues.find((i) => i.severity === 'error');
    if (problem) {
      notes.push({
        kind: 'invalid',
        key,
        ...(target !== key ? { to: target } : {}),
        value,
        message: {
          'zh-CN': `${name(target)['zh-CN']} 的答案在 ${to.version} 版中不再有效，未转入：${problem.message['zh-CN']}`,
          en: `the answer to ${name(target).en} no longer fits in ${to.version} and is not carried: ${problem.message.en}`,
        },
      });
      continue;
    }
    const normalised = checked.values.get(target) ?? (checked.judgments.has(target) ? value : carried);
    out[target] = converted ? normalised : value;
    if (target !== key) {
      notes.push({
        kind: 'renamed',
        key,
        to: target,
        value,
        message: {
          'zh-CN': `${key} 改名为 ${target}，答案已转入`,
          en: `${key} is now ${target}; the answer was carried`,
        },
      });
    }
    if (converted) {
      notes.push({
        kind: 'converted',
        key,
        ...(target !== key ? { to: target } : {}),
        value,
        message: {
          'zh-CN': `${name(target)['zh-CN']}：${show(value)} ${(before as Field & { unit: string }).unit} 换算为 ${show(out[target])} ${(after as Field & { unit: string }).unit}`,
          en: `${name(target).en}: ${show(value)} ${(before as Field & { unit: string }).unit} converted to ${show(out[target])} ${(after as Field & { unit: string }).unit}`,
        },
      });
    }
  }
  const renamedTargets = new Set(renames.values());
  for (const f of to.fields) {
    if (!f.required || oldFields.has(f.id) || f.id in out) continue;
    if (renamedTargets.has(f.id) && notes.some((n) => n.to === f.id)) continue;
    notes.push({
      kind: 'needed',
      key: f.id,
      message: {
        'zh-CN': `${to.version} 版新增必填字段 ${name(f.id)['zh-CN']}，需要填写${f.appliesWhen !== undefined ? '（在其适用时）' : ''}`,
        en: `${to.version} adds the required field ${name(f.id).en}: it needs an answer${f.appliesWhen !== undefined ? ' (when it applies)' : ''}`,
      },
    });
  }
  for (const it of to.items) {
    if (!it.judgment || oldJudgments.has(it.id) || it.id in out) continue;
    notes.push({
      kind: 'needed',
      key: it.id,
      message: {
        'zh-CN': `${to.version} 版新增判断项“${it.title['zh-CN']}”（${it.id}），需要判定`,
        en: `${to.version} adds the judgment item "${it.title.en}" (${it.id}): it needs a verdict`,
      },
    });
  }
  return { answers: out, notes, lost: notes.some((n) => n.kind === 'dropped' || n.kind === 'invalid') };
}
