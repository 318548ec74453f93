// Reading rulesets, answers and versions side by side. The only module of the command that reads files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  composeRuleset,
  formatPath,
  pickVersion,
  type Issue,
  type IssueCode,
  type PathSegment,
  type Ruleset,
} from '../index.js';
import type { CliIO, Say } from './io.js';
import { jsonPositions, parseErrorPosition, type Position } from './positions.js';

/** An issue found in a file, with where it is. */
export interface FileIssue {
  readonly file: string;
  readonly position?: Position;
  readonly issue: Issue;
}

const make = (
  code: IssueCode,
  path: readonly PathSegment[],
  zh: string,
  en: string,
  severity: Issue['severity'] = 'error',
): Issue => ({ code, path: [...path], message: { 'zh-CN': zh, en }, severity });

/** The absolute path of a file argument. */
export const absolute = (io: CliIO, file: string): string =>
  isAbsolute(file) ? file : resolve(io.cwd ?? process.cwd(), file);

/** Reads a text file; a missing or unreadable file is an issue, not an exception. */
export function readText(io: CliIO, file: string): { text: string } | { issue: FileIssue } {
  try {
    return { text: readFileSync(absolute(io, file), 'utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    const zh =
      reason === 'ENOENT' ? '文件不存在' : reason === 'EISDIR' ? '这是目录，不是文件' : `无法读取（${reason}）`;
    const en =
      reason === 'ENOENT'
        ? 'no such file'
        : reason === 'EISDIR'
          ? 'a directory, not a file'
          : `cannot be read (${reason})`;
    return { issue: { file, issue: make('unreadable_file', [], zh, en) } };
  }
}

/** Parses JSON text; an error is an `invalid_json` issue with its line and column. */
export function parseJson(file: string, text: string): { value: unknown } | { issue: FileIssue } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = parseErrorPosition(text, detail);
    return {
      issue: {
        file,
        ...(position ? { position } : {}),
        issue: make('invalid_json', [], `不是有效的 JSON：${detail}`, `not valid JSON: ${detail}`),
      },
    };
  }
}

/** Reads a JSON file: the value, or the issue that stops it. `-` reads the text given as `stdin`. */
export function readJson(io: CliIO, file: string, stdin?: string): { value: unknown } | { issue: FileIssue } {
  const read = file === '-' && stdin !== undefined ? { text: stdin } : readText(io, file);
  if ('issue' in read) return read;
  return parseJson(file, read.text);
}

/** A ruleset file, loaded: composed when it extends another, parsed, with every issue positioned. */
export interface LoadedRuleset {
  readonly file: string;
  readonly ruleset?: Ruleset;
  /** Errors (then no ruleset) and warnings. */
  readonly issues: readonly FileIssue[];
  /** Inherited fields and sections left out by composition. */
  readonly pruned?: { readonly fields: readonly string[]; readonly sections: readonly string[] };
  /** The composed JSON, when the file extends another. */
  readonly composed?: Record<string, unknown>;
}

/** Options of {@link loadRuleset}. */
export interface LoadOptions {
  /** Where bases are found: `<rulesets>/<id>/<version>.json`. Default: the parent of the file's folder. */
  readonly rulesets?: string;
}

const VERSION_FILE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\.json$/;

/** Loads a ruleset file: reads, composes (`extends`), parses, and checks it lives at `<id>/<version>.json`. */
export function loadRuleset(io: CliIO, file: string, options: LoadOptions = {}): LoadedRuleset {
  const read = readText(io, file);
  if ('issue' in read) return { file, issues: [read.issue] };
  const json = parseJson(file, read.text);
  if ('issue' in json) return { file, issues: [json.issue] };
  const abs = absolute(io, file);
  const root = options.rulesets ? absolute(io, options.rulesets) : dirname(dirname(abs));
  const result = composeRuleset(json.value, {
    resolve: (id, version) => {
      try {
        return readFileSync(join(root, id, `${version}.json`), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  const at = jsonPositions(read.text);
  const place = (issue: Issue): FileIssue => ({ file, position: at(issue.path), issue });
  if (!result.success) return { file, issues: result.issues.map(place) };
  const issues = result.warnings.map(place);
  const r = result.ruleset;
  const name = basename(abs);
  if (VERSION_FILE.test(name) && (name !== `${r.version}.json` || basename(dirname(abs)) !== r.id)) {
    issues.push(
      place(
        make(
          'file_name_mismatch',
          ['version'],
          `文件应位于 ${r.id}/${r.version}.json（按 id 和版本号并列存放各版本）`,
          `the file should be ${r.id}/${r.version}.json (versions live side by side by id and version)`,
          'warning',
        ),
      ),
    );
  }
  const extended = (json.value as { extends?: { inherited?: unknown } } | null)?.extends;
  return {
    file,
    ruleset: r,
    issues,
    pruned: result.pruned,
    ...(extended && extended.inherited === undefined ? { composed: result.json } : {}),
  };
}

/** Every version of a ruleset in a directory, `<version>.json` side by side. */
export function loadVersions(io: CliIO, dir: string, options: LoadOptions = {}): LoadedRuleset[] {
  let names: string[];
  try {
    names = readdirSync(absolute(io, dir)).filter((n) => VERSION_FILE.test(n));
  } catch {
    return [
      {
        file: dir,
        issues: [{ file: dir, issue: make('unreadable_file', [], '目录无法读取', 'the directory cannot be read') }],
      },
    ];
  }
  if (names.length === 0) {
    return [
      {
        file: dir,
        issues: [
          {
            file: dir,
            issue: make(
              'unreadable_file',
              [],
              '目录中没有 <版本>.json 文件',
              'the directory has no <version>.json file',
            ),
          },
        ],
      },
    ];
  }
  return names.sort().map((n) => loadRuleset(io, join(dir, n), options));
}

/** Whether a path names a directory. */
export function isDirectory(io: CliIO, path: string): boolean {
  try {
    return statSync(absolute(io, path)).isDirectory();
  } catch {
    return false;
  }
}

/** What {@link openRuleset} gives: the ruleset(s) to evaluate with, or the issues that stop it. */
export type Opened =
  | {
      readonly ok: true;
      readonly rulesets: readonly Ruleset[];
      /** A directory without `at`: the caller picks among `rulesets` by the evaluation date. */
      readonly byDate: boolean;
      readonly warnings: readonly FileIssue[];
    }
  | { readonly ok: false; readonly issues: readonly FileIssue[] };

/**
 * Opens the ruleset argument of `evaluate` and `batch`: a file, or a directory of versions. With
 * `at`, the version in force on that date is picked (among the file's neighbours for a file).
 * Without `at`, a directory gives every version, for the caller to pick per record.
 */
export function openRuleset(io: CliIO, arg: string, at: string | undefined, options: LoadOptions = {}): Opened {
  const dir = isDirectory(io, arg);
  if (!dir && at === undefined) {
    const one = loadRuleset(io, arg, options);
    return one.ruleset
      ? { ok: true, rulesets: [one.ruleset], byDate: false, warnings: one.issues }
      : { ok: false, issues: one.issues };
  }
  if (!dir) {
    const read = readText(io, arg);
    if ('issue' in read) return { ok: false, issues: [read.issue] };
  }
  const loaded = loadVersions(io, dir ? arg : dirname(arg), options);
  const broken = loaded.filter((l) => !l.ruleset);
  if (broken.length > 0) return { ok: false, issues: broken.flatMap((l) => l.issues) };
  const rulesets = loaded.map((l) => l.ruleset!);
  const warnings = loaded.flatMap((l) => l.issues);
  if (at === undefined) return { ok: true, rulesets, byDate: true, warnings };
  const pick = pickVersion(rulesets, at);
  if (!pick.success) return { ok: false, issues: pick.issues.map((issue) => ({ file: arg, issue })) };
  return { ok: true, rulesets: [pick.ruleset], byDate: false, warnings };
}

/** One issue as a line: `file:line:column  error  code  path  message`. */
export function formatIssue(fi: FileIssue, say: Say, cwd?: string): string {
  const where = fi.position ? `${fi.file}:${fi.position.line}:${fi.position.column}` : fi.file;
  const severity = fi.issue.severity === 'error' ? say('错误', 'error') : say('警告', 'warning');
  const path = fi.issue.path.length > 0 ? `  ${formatPath(fi.issue.path)}` : '';
  const shown = cwd && isAbsolute(where) ? relative(cwd, where) : where;
  return `${shown}  ${severity}  ${fi.issue.code}${path}  ${say(fi.issue.message['zh-CN'], fi.issue.message.en)}`;
}

/** One issue as JSON. */
export function issueJson(fi: FileIssue): Record<string, unknown> {
  return {
    file: fi.file,
    ...(fi.position ? { line: fi.position.line, column: fi.position.column } : {}),
    path: fi.issue.path,
    pathText: formatPath(fi.issue.path),
    code: fi.issue.code,
    severity: fi.issue.severity,
    message: fi.issue.message,
  };
}
