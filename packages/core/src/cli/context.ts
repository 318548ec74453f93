import type { Locale } from '../index.js';
import type { CliIO, Say } from './io.js';

/** The options the command line may carry. */
export interface Options {
  readonly locale?: string;
  readonly json?: boolean;
  readonly date?: string;
  readonly at?: string;
  readonly to?: string;
  readonly from?: string;
  readonly rename?: string[];
  readonly compact?: boolean;
  readonly rulesets?: string;
  readonly 'no-cases'?: boolean;
}

/** What a command runs with. */
export interface Context {
  readonly io: CliIO;
  readonly locale: Locale;
  readonly say: Say;
  readonly options: Options;
  readonly args: readonly string[];
  /** Writes to stdout. */
  out(text: string): Promise<void>;
  /** Writes to stderr. */
  err(text: string): Promise<void>;
  /** Reports a usage error on stderr and returns its exit status. */
  usage(zh: string, en: string): Promise<number>;
  /** Reads all of stdin (for an answers argument `-`). */
  stdinText(): Promise<string>;
}
