// Benchmark of `safecheck batch`: throughput against json-logic-js on the same records, and peak
// memory over a million records streamed through the pipeline (npx tsx bench/batch.ts [--records N]).
//
// Each phase runs in a fresh process, so that its peak RSS is its own:
// - safecheck batch --compact: records in, statuses out (no explanations), as a grading job runs;
// - safecheck batch: full reports with explanations, the command's default;
// - json-logic-js: the same lines parsed, the answers nested, every item's appliesWhen and check
//   applied, the statuses written: what a batch built on json-logic-js would do (it cannot tell
//   incomplete from fail, nor explain).
// Records are generated from rulesets/loading-five-checks/1.0.0.json: valid documents most of the
// time, with expired ones, mismatched goods, overloads, blank answers and a few broken lines;
// 20,000 distinct records, cycled with new ids. Throughput is given by the clock and per CPU
// second of the process (steadier when other work shares the machine).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonLogic from 'json-logic-js';
import { parseRuleset, type Ruleset } from '../packages/core/src/index.js';
import { eagerOperator, operatorNames } from '../packages/core/src/engine/operators.js';
import { runBatch } from '../packages/core/src/cli/batch.js';

const RULESET = 'rulesets/loading-five-checks/1.0.0.json';
const POOL = 20_000;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const records = Number(option('records') ?? 1_000_000);
if (!Number.isInteger(records) || records <= 0) throw new Error('--records takes a positive whole number');

function load(): Ruleset {
  const parsed = parseRuleset(readFileSync(RULESET, 'utf8'));
  if (!parsed.success) throw new Error(`${RULESET} does not parse`);
  return parsed.ruleset;
}

// ——— Records ———————————————————————————————————————————————————————————————————————————————

/** xorshift32: the same records on every run. */
function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * A pool of distinct records made from the ruleset's fields, as JSON lines without their id.
 * Streaming cycles through it, so that making records costs next to nothing in the measured runs.
 */
export function recordPool(r: Ruleset, size: number): string[] {
  const random = prng(20260313);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const samples = ['UN1230', 'UN1203', 'UN1170', 'UN1005', '浙A12345', '苏E6K821', '测试'];
  const fitting = new Map<string, string[]>();
  const textFor = (pattern: string | undefined, k: number) => {
    if (!pattern) return `文本${k % 97}`;
    let ok = fitting.get(pattern);
    if (!ok) {
      const re = new RegExp(`^(?:${pattern})$`, 'u');
      ok = samples.filter((x) => re.test(x));
      fitting.set(pattern, ok);
    }
    return ok.length > 0 ? pick(ok) : `x${k}`;
  };
  const start = Date.UTC(2026, 0, 1);
  const pool: string[] = [];
  for (let k = 0; k < size; k++) {
    const loading = start + Math.floor(random() * 365) * DAY;
    const answers: Record<string, unknown> = {};
    for (const f of r.fields) {
      switch (f.type) {
        case 'boolean':
          answers[f.id] = random() < 0.5;
          break;
        case 'choice':
          answers[f.id] = pick(f.options).value;
          break;
        case 'number':
          answers[f.id] = Math.round((20 + random() * 12) * 10) / 10;
          break;
        case 'date':
          answers[f.id] = iso(loading + Math.floor(random() * 1460 - 20) * DAY);
          break;
        case 'text':
          answers[f.id] = textFor(f.pattern, k);
          break;
        case 'codes':
          answers[f.id] = f.options
            ? f.options.filter(() => random() < 0.2).map((o) => o.value)
            : Array.from({ length: 1 + Math.floor(random() * 3) }, () => textFor(f.pattern, k));
          break;
      }
    }
    // What an inspection looks like: the goods mostly match the waybill, the tank and the licences.
    answers['loading.date'] = iso(loading);
    answers['escort.present'] = random() < 0.97;
    answers['goods.highly_toxic'] = random() < 0.05;
    if (random() < 0.95) {
      answers['waybill.un_number'] = answers['goods.un_number'];
      answers['waybill.shipping_name'] = answers['goods.name'];
      answers['waybill.class'] = answers['goods.class'];
    }
    const add = (key: string, code: string) => {
      const list = answers[key] as string[];
      if (!list.includes(code)) list.push(code);
    };
    if (random() < 0.95) add('tank.permitted_media', answers['goods.un_number'] as string);
    const cls = String(answers['goods.class']).split('.')[0]!;
    for (const scope of ['carrier.licence_scope', 'vehicle.rtc_scope']) if (random() < 0.95) add(scope, cls);
    answers['vehicle.rated_load'] = 30;
    answers['waybill.quantity'] = answers['goods.quantity'];
    if (random() < 0.03) delete answers[pick(r.fields).id];
    pool.push(`"date":"${iso(loading)}","answers":${JSON.stringify(answers)}}`);
  }
  return pool;
}

/**
 * `n` NDJSON lines cycling through the pool, each with its own id; every 20,000th line is broken.
 * Bytes in chunks of 64 KB, as a pipe gives them: the pool is encoded once, so the runs measure
 * decoding, not encoding.
 */
function* stream(pool: readonly string[], n: number): Generator<Buffer> {
  const bytes = pool.map((line) => Buffer.from(`${line}\n`));
  const broken = Buffer.from('{"id": "broken\n');
  let parts: Buffer[] = [];
  let size = 0;
  for (let k = 1; k <= n; k++) {
    const line = k % 20_000 === 0 ? [broken] : [Buffer.from(`{"id":"e${k}",`), bytes[k % bytes.length]!];
    for (const b of line) {
      parts.push(b);
      size += b.length;
    }
    if (size >= 64 * 1024) {
      yield Buffer.concat(parts, size);
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(parts, size);
}

/** A stream that keeps nothing, like a file on a fast disk. */
class Sink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.bytes += chunk.length;
    done();
  }
}

// ——— One phase, in its own process ————————————————————————————————————————————————————————————

interface PhaseResult {
  phase: string;
  records: number;
  seconds: number;
  rate: number;
  /** CPU time of the process during the run (user + system): steadier than the clock on a busy machine. */
  cpuSeconds: number;
  cpuRate: number;
  peakRss: number;
  rssAt: number[];
  /** Live heap after a full GC, every 100,000 records: flat when memory is constant. */
  heapAt: number[];
  outBytes: number;
  outcomes: Record<string, number>;
}

async function phase(name: string): Promise<PhaseResult> {
  const r = load();
  const input = Readable.from(stream(recordPool(r, Math.min(records, POOL)), records), { objectMode: false });
  const sink = new Sink();
  let peak = process.memoryUsage().rss;
  const rssAt: number[] = [];
  const heapAt: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const sample = () => {
    rssAt.push(process.memoryUsage().rss);
    gc?.();
    heapAt.push(process.memoryUsage().heapUsed);
  };
  // A timer alone may starve while lines keep coming: the loops also look every 1,000 records.
  const look = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  const sampler = setInterval(look, 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const outcomes: Record<string, number> = {};
  let done = 0;

  if (name === 'json-logic-js') {
    for (const op of operatorNames()) {
      const fn = eagerOperator(op);
      if (fn && op.includes('.')) jsonLogic.add_operation(op, (...args: unknown[]) => fn(args));
    }
    const truthy = (v: unknown) => (Array.isArray(v) ? v.length > 0 : !!v);
    const rules = r.items.map((it) => ({ id: it.id, applies: it.appliesWhen, check: it.check }));
    const lines = createInterface({ input, crlfDelay: Infinity });
    let buffer = '';
    let n = 0;
    for await (const line of lines) {
      n++;
      let record: { id?: unknown; date?: string; answers?: Record<string, unknown> };
      try {
        record = JSON.parse(line);
      } catch {
        buffer += `${JSON.stringify({ line: n, error: 'invalid_json' })}\n`;
        continue;
      }
      const data: Record<string, unknown> = { $date: record.date };
      for (const [key, value] of Object.entries(record.answers ?? {})) {
        const parts = key.split('.');
        let node = data;
        for (let i = 0; i < parts.length - 1; i++) node = (node[parts[i]!] ??= {}) as Record<string, unknown>;
        node[parts[parts.length - 1]!] = value;
      }
      const items: Record<string, string> = {};
      let outcome = 'pass';
      for (const rule of rules) {
        let status = 'not_applicable';
        if (rule.applies === undefined || truthy(jsonLogic.apply(rule.applies as never, data))) {
          status = truthy(jsonLogic.apply(rule.check as never, data)) ? 'pass' : 'fail';
        }
        if (status === 'fail') outcome = 'fail';
        items[rule.id] = status;
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      buffer += `${JSON.stringify({ line: n, id: record.id, outcome, items })}\n`;
      if (buffer.length > 64 * 1024) {
        if (!sink.write(buffer)) await new Promise((ok) => sink.once('drain', ok));
        buffer = '';
      }
      if (++done % 1000 === 0) look();
      if (done % 100_000 === 0) sample();
    }
    sink.write(buffer);
  } else {
    // Counts lines as they go out, to sample memory every 100,000 records.
    const every = new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _e, cb) {
        const text = typeof chunk === 'string' ? chunk : chunk.toString();
        sink.bytes += Buffer.byteLength(text);
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
          if (++done % 1000 === 0) look();
          if (done % 100_000 === 0) sample();
        }
        cb();
      },
    });
    const summary = await runBatch(input, every, new Sink(), {
      rulesets: [r],
      compact: name === 'safecheck --compact',
      locale: 'en',
    });
    Object.assign(outcomes, summary.outcomes, { bad: summary.bad });
  }
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    phase: name,
    records,
    seconds,
    rate: records / seconds,
    cpuSeconds,
    cpuRate: records / cpuSeconds,
    peakRss: peak,
    rssAt,
    heapAt,
    outBytes: sink.bytes,
    outcomes,
  };
}

// ——— Driver ————————————————————————————————————————————————————————————————————————————————

const PHASES = ['safecheck --compact', 'safecheck', 'json-logic-js'];
const asked = option('phase');
const direct = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (!direct) {
  // Imported (by a test or a script): only the record pool is wanted.
} else if (asked !== undefined) {
  const result = await phase(asked);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const r = load();
  console.log(
    `\nsafecheck batch benchmark — ${r.id} ${r.version} (${r.items.length} items, ${r.fields.length} fields), ` +
      `${n(records)} generated records per run`,
  );
  console.log(
    `node ${process.version}, ${process.arch}, ${availableParallelism()} CPUs; each run in its own process\n`,
  );
  const results: PhaseResult[] = [];
  for (const p of PHASES) {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--phase', p, '--records', String(records)],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exit(1);
    }
    const res = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as PhaseResult;
    results.push(res);
    const range = (xs: number[]) => (xs.length > 0 ? `${mb(Math.min(...xs))}–${mb(Math.max(...xs))}` : 'n/a');
    console.log(
      `  ${p.padEnd(22)} ${res.seconds.toFixed(1).padStart(7)} s  ${n(res.rate).padStart(9)} records/s  ` +
        `(${n(res.cpuRate)} per CPU second)  peak RSS ${mb(res.peakRss).padStart(7)}`,
    );
    console.log(
      `  ${''.padEnd(22)} at each 100,000 records: RSS ${range(res.rssAt)}, live heap after GC ${range(res.heapAt)}`,
    );
    console.log(`  ${''.padEnd(22)} outcomes ${JSON.stringify(res.outcomes)}, ${mb(res.outBytes)} written`);
  }
  const peer = results.find((x) => x.phase === 'json-logic-js')!;
  console.log('');
  for (const x of results) {
    if (x === peer) continue;
    console.log(
      `  ${x.phase} / json-logic-js throughput: ${(x.rate / peer.rate).toFixed(2)}× ` +
        `(per CPU second: ${(x.cpuRate / peer.cpuRate).toFixed(2)}×)`,
    );
  }
  console.log(
    `  peak RSS of safecheck batch over ${n(records)} records: ${mb(Math.max(...results.filter((x) => x !== peer).map((x) => x.peakRss)))}`,
  );
}
