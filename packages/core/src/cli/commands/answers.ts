import type { Issue, Ruleset } from '../../index.js';
import { issue } from '../../issues.js';
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

/** A value as a message shows it: text as it is, anything else as JSON. */
const shown = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** A wrapper's date that is not text: dropping it would evaluate without the date the file gives. */
export function dateIssues(saved: SavedAnswers): Issue[] {
  const w = saved.wrapper;
  if (!w || !Object.hasOwn(w, 'date') || typeof w.date === 'string') return [];
  return [
    issue('invalid_evaluation_date', ['date'], {
      'zh-CN': `检查日期应为 YYYY-MM-DD 格式的文本，而不是 ${shown(w.date)}`,
      en: `the evaluation date must be text YYYY-MM-DD, not ${shown(w.date)}`,
    }),
  ];
}

/**
 * Where saved answers (`answers`) or a batch record (`record`) name another ruleset or version
 * than the one evaluating them: such answers need `migrate` first, not a silent evaluation.
 */
export function mismatches(
  wrapper: { readonly ruleset?: unknown; readonly version?: unknown } | undefined,
  ruleset: Pick<Ruleset, 'id' | 'version'>,
  subject: 'answers' | 'record',
): Issue[] {
  if (!wrapper) return [];
  const [zh, en] = subject === 'answers' ? ['答案', 'the answers name'] : ['记录', 'the record names'];
  const issues: Issue[] = [];
  if (Object.hasOwn(wrapper, 'ruleset') && wrapper.ruleset !== ruleset.id) {
    issues.push(
      issue('ruleset_id_mismatch', ['ruleset'], {
        'zh-CN': `${zh}写明的规则集是“${shown(wrapper.ruleset)}”，不是“${ruleset.id}”`,
        en: `${en} the ruleset "${shown(wrapper.ruleset)}", not "${ruleset.id}"`,
      }),
    );
  }
  if (Object.hasOwn(wrapper, 'version') && wrapper.version !== ruleset.version) {
    issues.push(
      issue('ruleset_id_mismatch', ['version'], {
        'zh-CN': `${zh}写明的版本是 ${shown(wrapper.version)}，规则集是 ${ruleset.version} 版：请先用 safecheck migrate 转换`,
        en: `${en} version ${shown(wrapper.version)}, the ruleset is version ${ruleset.version}: carry them over with safecheck migrate first`,
      }),
    );
  }
  return issues;
}
