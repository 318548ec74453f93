import type { Context } from '../context.js';
import { readJson, type FileIssue } from '../files.js';

/** Saved answers: the answers, with the wrapper they came in (`{ruleset, version, date, answers}`). */
export interface SavedAnswers {
  readonly answers: Record<string, unknown>;
  /** The whole object when the answers came wrapped. */
  readonly wrapper?: Record<string, unknown>;
  readonly date?: string;
  readonly ruleset?: string;
  readonly version?: string;
}

const WRAPPER_KEYS = new Set(['id', 'date', 'answers', 'ruleset', 'version']);

/** Reads an answers file (or stdin for `-`): the answers themselves, or wrapped with a date and version. */
export async function readAnswers(ctx: Context, file: string): Promise<SavedAnswers | { issue: FileIssue }> {
  const read = readJson(ctx.io, file, file === '-' ? await ctx.stdinText() : undefined);
  if ('issue' in read) return read;
  const v = read.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return {
      issue: {
        file,
        issue: {
          code: 'invalid_answer',
          path: [],
          message: { 'zh-CN': '答案应为 JSON 对象', en: 'the answers must be a JSON object' },
          severity: 'error',
        },
      },
    };
  }
  const o = v as Record<string, unknown>;
  const inner = o.answers;
  if (
    inner !== null &&
    typeof inner === 'object' &&
    !Array.isArray(inner) &&
    Object.keys(o).every((k) => WRAPPER_KEYS.has(k))
  ) {
    return {
      answers: inner as Record<string, unknown>,
      wrapper: o,
      ...(typeof o.date === 'string' ? { date: o.date } : {}),
      ...(typeof o.ruleset === 'string' ? { ruleset: o.ruleset } : {}),
      ...(typeof o.version === 'string' ? { version: o.version } : {}),
    };
  }
  return { answers: o };
}
