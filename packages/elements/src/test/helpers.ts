import { expect } from 'chai';
import type { SafecheckForm } from '../components/safecheck-form/safecheck-form.js';

/** Fetches a shipped ruleset (JSON) through the test server. */
export async function rulesetJson(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`/rulesets/${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

const mounted: Element[] = [];

/** Creates an element, sets its properties, mounts it and waits for its first render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {},
  attrs: Record<string, string> = {},
  parent: Element | ShadowRoot = document.body,
): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  parent.append(el);
  const top = parent instanceof ShadowRoot ? parent.host : parent;
  if (!top.isConnected) document.body.append(top);
  mounted.push(top === document.body ? el : top);
  await settle(el);
  return el;
}

/** Waits until a Lit element (and the ones inside it) has rendered. */
export async function settle(el: Element): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const pending = (el as unknown as { updateComplete?: Promise<boolean> }).updateComplete;
    if (!pending || (await pending)) break;
  }
  const inner = el.shadowRoot?.querySelectorAll('safecheck-report') ?? [];
  for (const child of inner) await (child as unknown as { updateComplete: Promise<boolean> }).updateComplete;
}

export function cleanup(): void {
  for (const el of mounted.splice(0)) el.remove();
  localStorage.clear();
}

/** The element of a shadow root matching a selector; fails the test when absent. */
export function $<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  expect(found, `no ${selector}`).to.not.equal(null);
  return found!;
}

export function $$<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...host.shadowRoot!.querySelectorAll<T>(selector)];
}

/** Types into a text-like control the way a person does: value, then input and change events. */
export async function type(form: SafecheckForm, key: string, value: string): Promise<void> {
  const control = $<HTMLInputElement>(form, `#${CSS.escape(`c-${key}`)}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(form);
}

/** Picks a radio or checkbox by the answer key and value. */
export async function pick(form: SafecheckForm, key: string, value: string, checked = true): Promise<void> {
  const control = $<HTMLInputElement>(
    form,
    `input[data-key="${CSS.escape(key)}"][value="${CSS.escape(value)}"], input[data-key="${CSS.escape(key)}"]`,
  );
  const exact = $$<HTMLInputElement>(form, `input[data-key="${CSS.escape(key)}"]`).find((i) => i.value === value);
  const input = exact ?? control;
  input.checked = checked;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(form);
}

/** Shows the section holding an answer key. */
export async function showSectionOf(form: SafecheckForm, key: string): Promise<void> {
  form.focusAnswer(key);
  await settle(form);
}

declare global {
  interface Window {
    axe?: { run(context: Element, options?: object): Promise<{ violations: AxeViolation[] }> };
  }
}
interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** Runs axe-core on an element (shadow roots included) and fails on any violation. */
export async function expectAccessible(el: Element): Promise<void> {
  if (!window.axe) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('axe-core did not load'));
      document.head.append(script);
    });
  }
  const result = await window.axe!.run(el, { resultTypes: ['violations'] });
  const text = result.violations
    .map(
      (v) =>
        `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');
  expect(result.violations, text).to.have.length(0);
}

/** Fails a test that prints to the console: the library has no business printing. */
export function guardConsole(): void {
  const methods = ['error', 'warn', 'log', 'info'] as const;
  const saved = methods.map((m) => console[m]);
  let calls: string[] = [];
  beforeEach(() => {
    calls = [];
    for (const m of methods) console[m] = (...args: unknown[]) => calls.push(`${m}: ${args.map(String).join(' ')}`);
  });
  afterEach(() => {
    methods.forEach((m, i) => (console[m] = saved[i]!));
    expect(calls, 'console calls').to.deep.equal([]);
  });
}

/** The verdict badge of an item in a form. */
export function verdictOf(form: SafecheckForm, itemId: string): string {
  return $(form, `#${CSS.escape(`c-${itemId}-verdict`)}`).textContent!.trim();
}
