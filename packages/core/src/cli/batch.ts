// `safecheck batch`: NDJSON records in, one report per line out, in constant memory.
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { evaluate, pickVersion, type Issue, type Locale, type Report, type Ruleset } from '../index.js';
import { mismatches } from './commands/answers.js';
import { count, speaker, write } from './io.js';

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** One ruleset, or every version side by side: then each record's date picks its version. */
  readonly rulesets: readonly Ruleset[];
  /**
   * Pick each record's version by its date, even among one version (a directory: a date when no
   * version was in force is a bad record). Default: when there are several.
   */
  readonly byDate?: boolean;
  /** The evaluation date of records that carry none (`--date`). */
  readonly date?: string;
  /** Pick the version in force on this date for every record (`--at`). */
  readonly at?: string;
  /** One line of statuses per record instead of the full report, without explanations. */
  readonly compact?: boolean;
  readonly locale?: Locale;
  /** Show progress on `errors` (when it is a terminal). */
  readonly progress?: boolean;
}

/** What a batch did: counts per outcome, band and version. */
export interface BatchSummary {
  /** Non-empty lines read. */
  readonly records: number;
  readonly evaluated: number;
  /** Records not evaluated: not JSON, not an object, another ruleset or version, no version in force. */
  readonly bad: number;
  readonly outcomes: { pass: number; fail: number; incomplete: number };
  /** Records per band id, for graded rulesets. */
  readonly bands: Record<string, number>;
  /** Records per ruleset version. */
  readonly versions: Record<string, number>;
  readonly seconds: number;
}

/** A record of the batch: the answers, with an optional id and date, and the version they were saved under. */
interface BatchRecord {
  readonly id?: unknown;
  readonly date?: string;
  readonly ruleset?: unknown;
  readonly version?: unknown;
  readonly answers: unknown;
}

const WRAPPER_KEYS = new Set(['id', 'date', 'answers', 'ruleset', 'version']);

/**
 * Reads one line into a record: `{"id"?, "date"?, "answers": {…}}`, or the answers themselves.
 * A line that is not a JSON object, or whose date is not text, gives issues instead.
 */
export function parseRecord(line: string): { record: BatchRecord } | { issues: Issue[] } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      issues: [
        {
          code: 'invalid_json',
          path: [],
          message: { 'zh-CN': `不是有效的 JSON：${detail}`, en: `not valid JSON: ${detail}` },
          severity: 'error',
        },
      ],
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      issues: [
        {
          code: 'invalid_record',
          path: [],
          message: { 'zh-CN': '记录应为 JSON 对象', en: 'a record must be a JSON object' },
          severity: 'error',
        },
      ],
    };
  }
  const o = value as Record<string, unknown>;
  const wrapped =
    o.answers !== null &&
    typeof o.answers === 'object' &&
    !Array.isArray(o.answers) &&
    Object.keys(o).every((k) => WRAPPER_KEYS.has(k));
  if (!wrapped) return { record: { answers: o } };
  if (o.date !== undefined && typeof o.date !== 'string') {
    return {
      issues: [
        {
          code: 'invalid_record',
          path: ['date'],
          message: {
            'zh-CN': '记录的 date 应为 YYYY-MM-DD 文本',
            en: 'the record\'s "date" must be a text YYYY-MM-DD',
          },
          severity: 'error',
        },
      ],
    };
  }
  return {
    record: {
      answers: o.answers,
      ...(o.id !== undefined ? { id: o.id } : {}),
      ...(typeof o.date === 'string' ? { date: o.date } : {}),
      ...(o.ruleset !== undefined ? { ruleset: o.ruleset } : {}),
      ...(o.version !== undefined ? { version: o.version } : {}),
    },
  };
}

/**
 * The lines of a stream, one array per chunk. A line ends at \n or \r\n only, as NDJSON says:
 * a bare \r is part of the record (readline would split there). Lines come per chunk, not one
 * promise each, to keep the batch as fast as it was.
 */
async function* linesOf(input: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  // Stopping early (a failed output) leaves the input to its owner, as readline did.
  for await (const chunk of input.iterator({ destroyOnReturn: false })) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    const lines: string[] = [];
    let start = 0;
    // The rest has no \n: a long record read over many chunks is not scanned again each time.
    for (let end = text.indexOf('\n', rest.length); end !== -1; end = text.indexOf('\n', start)) {
      lines.push(text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end));
      start = end + 1;
    }
    rest = text.slice(start);
    if (lines.length > 0) yield lines;
  }
  rest += decoder.end();
  if (rest !== '') yield [rest];
}

/** The compact line of a report. */
function compactOf(report: Report): Record<string, unknown> {
  const items: Record<string, string> = {};
  for (const it of report.items) items[it.id] = it.status;
  return {
    ruleset: report.ruleset.id,
    version: report.ruleset.version,
    date: report.date,
    outcome: report.outcome,
    ...(report.score ? { score: report.score.score, band: report.score.band.id } : {}),
    items,
    majorHazards: [...new Set(report.majorHazards.map((m) => m.criterion))],
    issues: report.issues.map((i) => i.code),
  };
}

const FLUSH = 64 * 1024;

/**
 * Evaluates NDJSON records from `input`, writing one JSON line per record to `output`:
 * `{"line", "id"?, "report"}` (or the compact fields), or `{"line", "id"?, "issues"}` for a bad
 * record, which is also reported on `errors` with its line number. Never stops on a bad record.
 * Memory stays flat whatever the number of records: lines are read one at a time and writing
 * waits for a slow reader.
 */
export async function runBatch(
  input: Readable,
  output: Writable,
  errors: Writable,
  options: BatchOptions,
): Promise<BatchSummary> {
  const say = speaker(options.locale ?? 'zh-CN');
  const started = performance.now();
  const summary = {
    records: 0,
    evaluated: 0,
    bad: 0,
    outcomes: { pass: 0, fail: 0, incomplete: 0 },
    bands: {} as Record<string, number>,
    versions: {} as Record<string, number>,
    seconds: 0,
  };
  // Counted in Maps: a band id such as "constructor" must not read Object.prototype.
  const bands = new Map<string, number>();
  const versions = new Map<string, number>();
  let fixed: Ruleset | undefined;
  const byDate = options.byDate ?? options.rulesets.length > 1;
  if (!byDate && options.rulesets.length === 1) fixed = options.rulesets[0];
  else if (options.at !== undefined) {
    const pick = pickVersion(options.rulesets, options.at);
    if (pick.success) fixed = pick.ruleset;
  }
  const picked = new Map<string, Ruleset | Issue[]>();
  const versionFor = (date: string | undefined): Ruleset | Issue[] => {
    if (fixed) return fixed;
    // Without a date there is nothing to pick by; one version is the one.
    if (date === undefined && options.rulesets.length === 1) return options.rulesets[0]!;
    if (date === undefined) {
      return [
        {
          code: 'invalid_record',
          path: ['date'],
          message: {
            'zh-CN': '记录没有日期，无法选择规则集版本（给出 --at 或 --date，或在记录中写 date）',
            en: 'the record has no date to pick the ruleset version by (give --at or --date, or a "date" in the record)',
          },
          severity: 'error',
        },
      ];
    }
    let hit = picked.get(date);
    if (!hit) {
      const pick = pickVersion(options.rulesets, date);
      hit = pick.success ? pick.ruleset : [...pick.issues];
      if (picked.size > 10_000) picked.clear();
      picked.set(date, hit);
    }
    return hit;
  };

  let failed: Error | undefined;
  const onError = (error: Error) => {
    failed = error;
  };
  output.on('error', onError);
  let buffer = '';
  const flush = async () => {
    if (buffer.length === 0 || failed) return;
    const text = buffer;
    buffer = '';
    await write(output, text);
  };
  let lastProgress = 0;
  const progress = (final = false) => {
    if (!options.progress) return;
    const now = performance.now();
    if (!final && now - lastProgress < 250) return;
    lastProgress = now;
    const rate = Math.round(summary.records / Math.max((now - started) / 1000, 0.001));
    errors.write(
      final
        ? '\r\x1b[K'
        : `\r\x1b[K${say(`已处理 ${count(summary.records)} 条（${count(rate)} 条/秒），有误 ${count(summary.bad)} 条`, `${count(summary.records)} records (${count(rate)}/s), ${count(summary.bad)} bad`)}`,
    );
  };

  let n = 0;
  try {
    read: for await (const chunk of linesOf(input)) {
      for (const line of chunk) {
        n++;
        if (failed) break read;
        if (line.trim() === '') continue;
        summary.records++;
        const parsed = parseRecord(line);
        let out: Record<string, unknown>;
        let bad: Issue[] | undefined;
        if ('issues' in parsed) {
          bad = parsed.issues;
          out = { line: n, issues: bad };
        } else {
          const { record } = parsed;
          const id = record.id !== undefined ? { id: record.id } : {};
          const date = record.date ?? options.date;
          const version = versionFor(options.at ?? date);
          const wrong = Array.isArray(version) ? version : mismatches(record, version, 'record');
          if (Array.isArray(version) || wrong.length > 0) {
            bad = wrong;
            out = { line: n, ...id, issues: wrong };
          } else {
            const report = evaluate(version, record.answers, {
              ...(date !== undefined ? { date } : {}),
              explain: !options.compact,
            });
            summary.evaluated++;
            summary.outcomes[report.outcome]++;
            if (report.score) bands.set(report.score.band.id, (bands.get(report.score.band.id) ?? 0) + 1);
            const v = `${report.ruleset.id}@${report.ruleset.version}`;
            versions.set(v, (versions.get(v) ?? 0) + 1);
            out = { line: n, ...id, ...(options.compact ? compactOf(report) : { report }) };
          }
        }
        if (bad) {
          summary.bad++;
          const first = bad[0]!;
          await write(
            errors,
            `${say(`第 ${n} 行`, `line ${n}`)}${out.id !== undefined ? ` (${JSON.stringify(out.id)})` : ''}: ${first.code} ${say(first.message['zh-CN'], first.message.en)}\n`,
          );
        }
        buffer += `${JSON.stringify(out)}\n`;
        if (buffer.length >= FLUSH) await flush();
        if ((summary.records & 1023) === 0) progress();
      }
    }
    await flush();
  } finally {
    output.off('error', onError);
    progress(true);
  }
  summary.bands = Object.fromEntries(bands);
  summary.versions = Object.fromEntries(versions);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** The summary as the lines written to stderr at the end. */
export function renderSummary(s: BatchSummary, locale: Locale): string {
  const say = speaker(locale);
  const rate = count(Math.round(s.records / Math.max(s.seconds, 0.001)));
  const lines = [
    say(
      `共 ${count(s.records)} 条记录：已评估 ${count(s.evaluated)} 条，有误 ${count(s.bad)} 条`,
      `${count(s.records)} records: ${count(s.evaluated)} evaluated, ${count(s.bad)} bad`,
    ),
    say(
      `结论：通过 ${count(s.outcomes.pass)}，不通过 ${count(s.outcomes.fail)}，信息不全 ${count(s.outcomes.incomplete)}`,
      `outcomes: ${count(s.outcomes.pass)} pass, ${count(s.outcomes.fail)} fail, ${count(s.outcomes.incomplete)} incomplete`,
    ),
  ];
  const bands = Object.entries(s.bands);
  if (bands.length > 0)
    lines.push(`${say('分级：', 'bands: ')}${bands.map(([b, c]) => `${b} ${count(c)}`).join(say('，', ', '))}`);
  const versions = Object.entries(s.versions);
  if (versions.length > 1)
    lines.push(`${say('版本：', 'versions: ')}${versions.map(([v, c]) => `${v} ${count(c)}`).join(say('，', ', '))}`);
  lines.push(say(`用时 ${s.seconds.toFixed(1)} 秒（${rate} 条/秒）`, `${s.seconds.toFixed(1)} s (${rate} records/s)`));
  return `${lines.join('\n')}\n`;
}
