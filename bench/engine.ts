// npm run bench: the engine against json-logic-js and json-logic-engine, in one run.
// Prints times and ratios; it asserts nothing (performance goals are read, not unit-tested).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
// Our engine as users get it: the package's built bundle (npm run build), not the TypeScript sources.
import {
  caseAnswers,
  CasesFileSchema,
  checkAnswers,
  compileLogic,
  createSession,
  evaluate,
  parseRuleset,
} from '@safecheck/core';
// The peers need our namespaced operators; they get the same functions.
import { eagerOperator, operatorNames } from '../packages/core/src/engine/operators.js';
import { toLogicData } from '../packages/core/src/answers/answers.js';
// The statuses alone, from answers checked beforehand (as the peers get their data made
// beforehand): internal functions, so run from the sources (by tsx), not from the bundle.
import { evaluateItems, stateFrom } from '../packages/core/src/engine/evaluate.js';
import { prepare } from '../packages/core/src/engine/prepare.js';

const DATE = '2026-06-30';
// The shipped 418-item checklist, answered as its 94 worked cases answer it: a realistic mix of
// passes, failures and incomplete items.
const FILE = 'rulesets/hazchem-checklist/1.0.0.json';
const source = JSON.parse(readFileSync(FILE, 'utf8')) as unknown;
const parsed = parseRuleset(source);
if (!parsed.success) throw new Error(`${FILE} does not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
const ruleset = parsed.ruleset;
const cases = CasesFileSchema.parse(JSON.parse(readFileSync(FILE.replace(/\.json$/, '.cases.json'), 'utf8')));
const answerSets = cases.cases.map((c) => caseAnswers(ruleset, cases, c.id)!.answers);

interface Sample {
  answers: Record<string, unknown>;
  date: string;
  data: Record<string, unknown>;
  /** The answers checked, by slot: what our item rules read. */
  checked: ReturnType<typeof stateFrom>['state'];
}

// The peers evaluate the same rules: appliesWhen, then the check (a judgment as an equality).
const samples: Sample[] = answerSets.map((answers) => {
  const data = toLogicData(checkAnswers(ruleset, answers).values, DATE) as Record<string, unknown>;
  const judgments: Record<string, unknown> = {};
  ruleset.items.forEach((it, i) => it.judgment && (judgments[`j${i}`] = answers[it.id]));
  data.$j = judgments;
  return { answers, date: DATE, data, checked: stateFrom(ruleset, answers, DATE).state };
});
const prepared = prepare(ruleset);
const peerRules = ruleset.items.map((it, i) => ({
  applies: it.appliesWhen ?? true,
  check: it.judgment ? { '==': [{ var: `$j.j${i}` }, 'compliant'] } : it.check,
}));
for (const name of operatorNames()) {
  const fn = eagerOperator(name);
  if (fn && name.includes('.')) jsonLogic.add_operation(name, (...args: unknown[]) => fn(args));
}
const engine = new LogicEngine();
for (const name of operatorNames()) {
  const fn = eagerOperator(name);
  if (fn && name.includes('.'))
    engine.addMethod(name, (args: unknown) => fn(Array.isArray(args) ? args : [args]), { deterministic: true });
}
const built = peerRules.map((r) => ({
  applies: engine.build(r.applies as never),
  check: engine.build(r.check as never),
}));
const truthy = (v: unknown) => (Array.isArray(v) ? v.length > 0 : !!v);
// json-logic-engine raises on arithmetic over non-numbers: a raising rule counts as false.
const attempt = (f: () => unknown): unknown => {
  try {
    return f();
  } catch {
    return false;
  }
};
const n = samples.length;

/** Median time of `fn` in ms over runs of at least `minMs`. */
function time(label: string, fn: () => unknown, minMs = 400): number {
  for (let i = 0; i < 20; i++) fn();
  const samples: number[] = [];
  const end = performance.now() + minMs;
  let sink = 0;
  while (performance.now() < end || samples.length < 15) {
    const t0 = performance.now();
    const r = fn();
    samples.push(performance.now() - t0);
    if (r) sink++;
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(
    `  ${label.padEnd(52)} ${median.toFixed(4).padStart(10)} ms  (${samples.length} runs${sink < 0 ? '' : ''})`,
  );
  return median;
}

console.log(
  `\nsafecheck engine benchmark — ${ruleset.id} ${ruleset.version}: ${ruleset.items.length} items, ${ruleset.fields.length} fields`,
);
console.log(`node ${process.version}, ${process.arch}\n`);

const compiled = peerRules.map((r) => ({ applies: compileLogic(r.applies), check: compileLogic(r.check) }));

console.log(
  `Full evaluation of every item, per evaluation, over ${n} answer set${n === 1 ? '' : 's'} (the worked cases):`,
);
const per = (label: string, fn: (s: Sample) => unknown): number =>
  time(label, () => {
    let k = 0;
    for (const s of samples) if (fn(s)) k++;
    return k;
  }) / n;
const ours = per('safecheck evaluate(): answers checked, full report', (s) =>
  evaluate(ruleset, s.answers, { date: s.date }),
);
const oursLean = per('safecheck evaluate() without explanations', (s) =>
  evaluate(ruleset, s.answers, { date: s.date, explain: false }),
);
const oursStatuses = per(
  'safecheck createSession(): answers checked, every status',
  (s) => createSession(ruleset, s.answers, { date: s.date }).outcome,
);
const oursRules = per('safecheck compileLogic() closures, same rules as peers', (s) => {
  let k = 0;
  for (const r of compiled) if (truthy(r.applies(s.data)) && truthy(r.check(s.data))) k++;
  return k;
});
const jlj = per('json-logic-js apply()', (s) => {
  let k = 0;
  for (const r of peerRules)
    if (truthy(jsonLogic.apply(r.applies as never, s.data)) && truthy(jsonLogic.apply(r.check as never, s.data))) k++;
  return k;
});
const jleRun = per('json-logic-engine run() (interpreted)', (s) => {
  let k = 0;
  for (const r of peerRules)
    if (
      truthy(attempt(() => engine.run(r.applies as never, s.data))) &&
      truthy(attempt(() => engine.run(r.check as never, s.data)))
    )
      k++;
  return k;
});
const jleBuild = per('json-logic-engine build() (compiled with eval)', (s) => {
  let k = 0;
  for (const r of built) if (truthy(attempt(() => r.applies(s.data))) && truthy(attempt(() => r.check(s.data)))) k++;
  return k;
});
// Last, after the peers: it runs a second copy of the engine (the sources).
const oursItems = per(
  'safecheck every status, from checked answers (sources)',
  (s) => evaluateItems(prepared, s.checked).length,
);
// What any evaluate() does before a rule runs: read each answer it is given, once.
const oursRead = per('reading every answer given (Object.keys, each value)', (s) => {
  let k = 0;
  for (const key of Object.keys(s.answers)) if (s.answers[key] !== undefined) k++;
  return k;
});
console.log('  (times above are for all answer sets; divided by their number below)');

console.log('\nOne changed answer in a live session:');
const answers = samples[0]!.answers;
const session = createSession(ruleset, answers, { date: DATE });
const keys = Object.keys(answers).filter((k) => typeof answers[k] !== 'undefined');
let flip = 0;
const change = time('Session.set() of one answer', () => {
  const key = keys[flip++ % keys.length]!;
  const value = answers[key];
  const other =
    typeof value === 'boolean'
      ? !value
      : value === 'compliant'
        ? 'noncompliant'
        : typeof value === 'number'
          ? value + 1
          : value;
  session.set(key, other);
  return session.set(key, value).outcome;
});

console.log('\nCompiling the whole ruleset:');
const allRules = ruleset.items
  .flatMap((it) => [
    it.appliesWhen,
    it.check,
    ...(it.explain ?? []).flatMap((e) => [e.when, ...Object.values(e.values ?? {})]),
  ])
  .filter((r) => r !== undefined);
const clones = Array.from({ length: 64 }, () => structuredClone(allRules));
let clone = 0;
// Fresh copies each time: compiled closures are memoised per rule object.
const compileOnly = time(
  `compileLogic() on all ${allRules.length} rules (checked, then compiled)`,
  () => {
    for (const rule of clones[clone++ % clones.length]!) compileLogic(rule);
    return true;
  },
  300,
);
time('parseRuleset(): schema and semantic checks (for reference)', () => parseRuleset(source), 300);

const row = (goal: string, value: string, ok: boolean) =>
  console.log(`  ${ok ? 'holds ' : 'MISSES'}  ${goal.padEnd(58)} ${value}`);
console.log('\nGoals:');
row('rules: ≥ 25× faster than json-logic-js', `${(jlj / oursRules).toFixed(1)}×`, jlj / oursRules >= 25);
row(
  'rules: at least as fast as json-logic-engine build() (eval)',
  `${(jleBuild / oursRules).toFixed(2)}×`,
  jleBuild / oursRules >= 1,
);
row('rules: vs json-logic-engine run() (interpreted)', `${(jleRun / oursRules).toFixed(1)}×`, jleRun / oursRules >= 1);
row(
  'every status from checked answers: ≥ 25× faster than json-logic-js',
  `${(jlj / oursItems).toFixed(1)}×`,
  jlj / oursItems >= 25,
);
row(
  'every status from checked answers vs json-logic-engine build()',
  `${(jleBuild / oursItems).toFixed(2)}×`,
  jleBuild / oursItems >= 1,
);
row(
  'createSession() (checked answers, every status) vs json-logic-js',
  `${(jlj / oursStatuses).toFixed(1)}×`,
  jlj / oursStatuses >= 25,
);
row(
  'createSession() vs json-logic-engine build() (eval)',
  `${(jleBuild / oursStatuses).toFixed(2)}×`,
  jleBuild / oursStatuses >= 1,
);
row('evaluate() with checked answers and report vs json-logic-js', `${(jlj / ours).toFixed(1)}×`, jlj / ours >= 25);
row('evaluate() vs json-logic-engine build() (eval)', `${(jleBuild / ours).toFixed(2)}×`, jleBuild / ours >= 1);
row(
  'evaluate() without explanations vs json-logic-engine build()',
  `${(jleBuild / oursLean).toFixed(2)}×`,
  jleBuild / oursLean >= 1,
);
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
console.log(
  `  (25× json-logic-js leaves evaluate() ${us(jlj / 25)} per answer set; reading the answers takes ${us(oursRead)}` +
    ` and every status from checked answers ${us(oursItems)}, before an answer is checked or a report written.)`,
);
row('one changed answer ≤ 1/20 of a full evaluation', `1/${(ours / change).toFixed(0)}`, ours / change >= 20);
row('compiling the whole ruleset under 5 ms', `${compileOnly.toFixed(2)} ms`, compileOnly < 5);
