// The benchmark page: measures <safecheck-form> on the 418-item checklist (the shipped
// hazchem checklist when it exists, else a synthetic one of that size and shape) and posts the
// figures to window.__bench for run.mjs to print.
import { createSession, parseRuleset } from '@safecheck/core';
import '../define/index.js';
import type { SafecheckForm } from '../components/safecheck-form/safecheck-form.js';
import { syntheticChecklist } from '../test/synthetic.js';

interface Figures {
  ruleset: string;
  items: number;
  judgmentItems: number;
  parseMs: number[];
  firstRenderColdMs: number;
  firstRenderMs: number[];
  firstRenderWithParseMs: number[];
  itemsOnPage: number;
  fieldsOnPage: number;
  largestSection: string;
  itemsInLargestSection: number;
  openLargestSectionMs: number[];
  answerToVerdictMs: number[];
  appliesToggleMs: number[];
  changedByToggle: number;
  sessionMs: number[];
  reportMs: number[];
}

// From navigation until this module runs: the script fetched, compiled and its imports run (what
// the compile hint moves work into).
const readyMs = performance.now();

const sessionMs: number[] = [];
const reportMs: number[] = [];

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function loadChecklist(): Promise<{ json: Record<string, unknown>; name: string }> {
  const response = await fetch('/rulesets/hazchem-checklist/1.0.0.json');
  if (response.ok) return { json: await response.json(), name: 'hazchem-checklist@1.0.0 (shipped)' };
  return { json: syntheticChecklist(418), name: 'synthetic 418-item checklist (hazchem-checklist not shipped yet)' };
}

/** Mounts a form with a ruleset and waits until it is rendered and laid out. */
async function render(ruleset: unknown): Promise<{ form: SafecheckForm; ms: number }> {
  const form = document.createElement('safecheck-form');
  form.noDraft = true;
  const started = performance.now();
  form.ruleset = ruleset as object;
  document.body.append(form);
  await form.updateComplete;
  form.getBoundingClientRect(); // layout
  const ms = performance.now() - started;
  return { form, ms };
}

async function run(): Promise<Figures> {
  // The host page has rendered its own (Chinese) text before the form comes: the browser's
  // one-time font and style set-up is not the form's cost.
  document.body.getBoundingClientRect();
  await frame();
  const { json, name } = await loadChecklist();
  const parseMs: number[] = [];
  let parsed = null;
  for (let i = 0; i < 5; i++) {
    const copy = structuredClone(json);
    const t = performance.now();
    const result = parseRuleset(copy);
    parseMs.push(performance.now() - t);
    if (!result.success) throw new Error(`the checklist is invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
    parsed = result.ruleset;
  }
  const ruleset = parsed!;

  // What the cold render is made of: core's session (compiling every rule) and the rest.
  const t0 = performance.now();
  createSession(ruleset, {});
  const sessionColdMs = performance.now() - t0;
  const t1 = performance.now();
  createSession(ruleset, {});
  const sessionWarmMs = performance.now() - t1;
  sessionMs.push(sessionColdMs, sessionWarmMs);
  const reportSession = createSession(ruleset, {});
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    reportSession.report();
    reportMs.push(performance.now() - t);
  }

  // Cold: the very first form on the page (templates compiled, code not yet optimised).
  const cold = await render(ruleset);
  const firstRenderColdMs = cold.ms;
  const itemsOnPage = cold.form.shadowRoot!.querySelectorAll('[part~=item]').length;
  const fieldsOnPage = cold.form.shadowRoot!.querySelectorAll('[part~=field]').length;
  cold.form.remove();
  await frame();

  const firstRenderMs: number[] = [];
  const firstRenderWithParseMs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const a = await render(ruleset);
    firstRenderMs.push(a.ms);
    a.form.remove();
    await frame();
    const b = await render(structuredClone(json)); // a JSON value: parsed inside the element
    firstRenderWithParseMs.push(b.ms);
    b.form.remove();
    await frame();
  }

  // Opening the section page with the most items.
  const { form } = await render(ruleset);
  // Profile answers first, as an inspector gives them (every field of the first section):
  // items then apply or not, and the checks that read the profile can decide.
  const profile: Record<string, unknown> = {};
  const firstSection = ruleset.sections[0]!.id;
  for (const f of ruleset.fields) {
    if (f.section !== firstSection) continue;
    if (f.type === 'boolean') profile[f.id] = true;
    else if (f.type === 'choice') profile[f.id] = f.options[f.options.length > 1 ? 1 : 0]!.value;
    else if (f.type === 'codes' && f.options) profile[f.id] = f.options.slice(0, 3).map((o) => o.value);
    else if (f.type === 'number') profile[f.id] = f.min ?? 1;
    else if (f.type === 'text') profile[f.id] = 'x';
  }
  form.answers = profile;
  await frame();
  const pageOf = (sectionId: string): string => {
    let s = ruleset.sections.find((x) => x.id === sectionId)!;
    while (s.parent) s = ruleset.sections.find((x) => x.id === s.parent)!;
    return s.id;
  };
  const counts = new Map<string, { count: number; first: string }>();
  for (const item of ruleset.items) {
    const top = pageOf(item.section);
    const c = counts.get(top) ?? { count: 0, first: item.id };
    c.count++;
    counts.set(top, c);
  }
  const [largestSection, largest] = [...counts].sort((a, b) => b[1].count - a[1].count)[0]!;
  const openLargestSectionMs: number[] = [];
  const firstKey = ruleset.fields[0]?.id ?? ruleset.items[0]!.id;
  for (let i = 0; i < 10; i++) {
    form.focusAnswer(firstKey);
    await form.updateComplete;
    await frame();
    const t = performance.now();
    form.focusAnswer(largest.first);
    await form.updateComplete;
    form.getBoundingClientRect();
    openLargestSectionMs.push(performance.now() - t);
    await frame();
  }

  // Answer to verdict: click a verdict the way a person does, until the badge shows it.
  const answerToVerdictMs: number[] = [];
  const verdicts = ['noncompliant', 'compliant', 'not_applicable'];
  const expected: Record<string, string> = { noncompliant: '不合格', compliant: '合格', not_applicable: '不适用' };
  for (let i = 0; i < 200; i++) {
    const radios = [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[data-kind=verdict]')];
    const itemRadios = radios.filter((r) => r.value === verdicts[i % 3]);
    const radio = itemRadios[i % itemRadios.length]!;
    const key = radio.dataset['key']!;
    const t = performance.now();
    radio.checked = true;
    radio.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await form.updateComplete;
    const badge = form.shadowRoot!.getElementById(`c-${key}-verdict`)!;
    badge.getBoundingClientRect();
    answerToVerdictMs.push(performance.now() - t);
    if (badge.textContent!.trim() !== expected[verdicts[i % 3]!]) throw new Error(`verdict of ${key} not shown`);
    if (i % 20 === 0) await frame();
  }

  // A profile answer that switches many items on and off.
  const toggleField = ruleset.fields.find((f) => f.type === 'boolean');
  const appliesToggleMs: number[] = [];
  let changedByToggle = 0;
  if (toggleField) {
    changedByToggle = ruleset.items.filter((i) =>
      JSON.stringify(i.appliesWhen ?? null).includes(toggleField.id),
    ).length;
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      form.answers = { ...form.answers, [toggleField.id]: i % 2 === 0 };
      await form.updateComplete;
      form.getBoundingClientRect();
      appliesToggleMs.push(performance.now() - t);
      await frame();
    }
  }
  return {
    ruleset: name,
    items: ruleset.items.length,
    judgmentItems: ruleset.items.filter((i) => i.judgment).length,
    parseMs,
    firstRenderColdMs,
    firstRenderMs,
    firstRenderWithParseMs,
    itemsOnPage,
    fieldsOnPage,
    largestSection,
    itemsInLargestSection: largest.count,
    openLargestSectionMs,
    answerToVerdictMs,
    appliesToggleMs,
    changedByToggle,
    sessionMs,
    reportMs,
  };
}

/** On a fresh page: the first form gets the ruleset as JSON, so it parses it too. */
async function coldJson(): Promise<{ firstRenderColdJsonMs: number; readyMs: number; ruleset: string }> {
  const { json, name } = await loadChecklist();
  document.body.getBoundingClientRect();
  await frame();
  const { ms } = await render(json);
  return { firstRenderColdJsonMs: ms, readyMs, ruleset: name };
}

/** On a fresh page: core's parse of the JSON alone, cold (the part of the above that is core's). */
async function coldParse(): Promise<{ parseColdMs: number }> {
  const { json } = await loadChecklist();
  const t = performance.now();
  parseRuleset(json);
  return { parseColdMs: performance.now() - t };
}

const w = window as unknown as {
  __bench?: Figures | { error: string } | { firstRenderColdJsonMs: number; readyMs: number } | { parseColdMs: number };
};
(location.search.includes('cold=json')
  ? coldJson()
  : location.search.includes('cold=parse')
    ? coldParse()
    : run()
).then(
  (figures) => (w.__bench = figures),
  (error: unknown) => (w.__bench = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
