// The `safecheck` command: parses the command line and runs a command with the given streams.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../index.js';
import { batch } from './commands/batch.js';
import { compose, versions } from './commands/compose.js';
import { diff } from './commands/diff.js';
import { evaluate } from './commands/evaluate.js';
import { migrate } from './commands/migrate.js';
import { validate } from './commands/validate.js';
import type { Context, Options } from './context.js';
import { help } from './help.js';
import { EXIT, speaker, write, type CliIO } from './io.js';

export { EXIT, type CliIO } from './io.js';

const OPTIONS = {
  locale: { type: 'string' },
  json: { type: 'boolean' },
  date: { type: 'string' },
  at: { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
  rename: { type: 'string', multiple: true },
  compact: { type: 'boolean' },
  rulesets: { type: 'string' },
  'no-cases': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** The options each command takes, besides --locale and --help. */
const COMMANDS: Record<string, readonly OptionName[]> = {
  validate: ['json', 'rulesets', 'no-cases'],
  lint: ['json', 'rulesets'],
  diff: ['json', 'rulesets'],
  migrate: ['json', 'to', 'from', 'rename', 'rulesets'],
  evaluate: ['json', 'date', 'at', 'rulesets'],
  batch: ['json', 'date', 'at', 'compact', 'rulesets'],
  compose: ['rulesets'],
  versions: ['json', 'at', 'rulesets'],
};

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Today's date where the command runs, `YYYY-MM-DD` (the engine itself never reads the clock). */
const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === '@safecheck/core' && pkg.version) return pkg.version;
    } catch {
      // Try the next place: dist/cli.js and src/cli/main.ts sit at different depths.
    }
  }
  return 'unknown';
}

/**
 * Runs `safecheck` with the arguments after the command name and the given streams; resolves to
 * the exit status (see {@link EXIT}). Never calls `process.exit` and never writes to the console:
 * everything goes to `io.stdout` and `io.stderr`.
 *
 * @example await main(['validate', 'rulesets/loading-five-checks/1.0.0.json'], { stdin, stdout, stderr })
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let locale: Locale = 'zh-CN';
  const localeAt = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const given =
    localeAt === -1 ? undefined : argv[localeAt]!.includes('=') ? argv[localeAt]!.split('=')[1] : argv[localeAt + 1];
  if (given === 'en' || given === 'zh-CN') locale = given;
  const say = speaker(locale);
  const usage = async (zh: string, en: string): Promise<number> => {
    await write(io.stderr, `safecheck: ${say(zh, en)}\n${say('帮助：safecheck --help', 'help: safecheck --help')}\n`);
    return EXIT.usage;
  };
  if (given !== undefined && !(LOCALES as readonly string[]).includes(given)) {
    return usage(`不支持的语言“${given}”：可用 zh-CN 或 en`, `unsupported locale "${given}": use zh-CN or en`);
  }

  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return usage(`命令行有误：${message}`, `bad command line: ${message}`);
  }
  const values = parsed.values as Options & { help?: boolean; version?: boolean };
  const [command, ...args] = parsed.positionals;
  if (values.version) {
    await write(io.stdout, `${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (values.help || command === 'help') {
    await write(io.stdout, help(locale));
    return EXIT.ok;
  }
  if (command === undefined) {
    await write(io.stderr, help(locale));
    return EXIT.usage;
  }
  // Own keys only: "constructor" or "toString" is no command.
  const allowed = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!allowed) return usage(`未知命令“${command}”`, `unknown command "${command}"`);
  for (const name of Object.keys(values)) {
    if (name === 'locale' || name === 'help' || name === 'version') continue;
    if (!allowed.includes(name as OptionName)) {
      return usage(`选项 --${name} 不适用于 ${command}`, `the option --${name} does not apply to ${command}`);
    }
  }
  const dates: Record<string, string | undefined> = {};
  for (const key of ['date', 'at'] as const) {
    const v = values[key];
    if (v === undefined) continue;
    const d = v === 'today' ? today() : v;
    if (!ISO_DATE.test(d))
      return usage(
        `--${key} 应为 YYYY-MM-DD 格式的日期或 today：${v}`,
        `--${key} takes a date YYYY-MM-DD or today: ${v}`,
      );
    dates[key] = d;
  }

  let stdin: Promise<string> | undefined;
  const ctx: Context = {
    io,
    locale,
    say,
    options: values,
    args,
    out: (text) => write(io.stdout, text),
    err: (text) => write(io.stderr, text),
    usage,
    stdinText: () =>
      (stdin ??= (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of io.stdin)
          chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
        return Buffer.concat(chunks).toString('utf8');
      })()),
  };
  try {
    switch (command) {
      case 'validate':
        return await validate(ctx, false);
      case 'lint':
        return await validate(ctx, true);
      case 'diff':
        return await diff(ctx);
      case 'migrate':
        return await migrate(ctx);
      case 'evaluate':
        return await evaluate(ctx, dates.date, dates.at);
      case 'batch':
        return await batch(ctx, dates.date, dates.at);
      case 'compose':
        return await compose(ctx);
      default:
        return await versions(ctx, dates.at);
    }
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await write(io.stderr, `safecheck: ${say('内部错误，请报告：', 'internal error, please report it: ')}${detail}\n`);
    return EXIT.internal;
  }
}
