import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { Locale } from '../index.js';

/** The streams and directory the command works with; tests pass their own. */
export interface CliIO {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** The directory relative paths are read from (default: the process's). */
  readonly cwd?: string;
}

/**
 * The exit statuses of `safecheck`.
 * - `ok` (0): done; for `evaluate`, the outcome is pass.
 * - `findings` (1): done, and what was checked is not all right: `validate` found errors, `lint`
 *   found something, `diff` says the version did not move enough, `migrate` could not carry some
 *   answer, `evaluate` gave fail or incomplete, `batch` met bad records.
 * - `usage` (2): unknown command or option, missing argument.
 * - `input` (3): a file could not be read or is not JSON, a ruleset is invalid, no version is in
 *   force on the date, saved answers name another ruleset or version or give a date that is not text.
 * - `internal` (4): a bug in safecheck; please report it.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, input: 3, internal: 4 } as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A pair of texts, said in the chosen language. */
export type Say = (zh: string, en: string) => string;

/** Picks the zh-CN or en text of a pair. */
export const speaker =
  (locale: Locale): Say =>
  (zh, en) =>
    locale === 'en' ? en : zh;

/** Writes text, waiting when the stream asks to (so a slow reader keeps memory flat). */
export async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Whether a stream is an interactive terminal. */
export const isTTY = (stream: Writable): boolean => (stream as { isTTY?: boolean }).isTTY === true;

/** A count with thousands separators, the same in both languages. */
export const count = (n: number): string => n.toLocaleString('en-US');
