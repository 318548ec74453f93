import type { Field } from '../schema/ruleset.js';
import { formatValue } from '../report/format.js';
import type { Locale, LocalizedText } from '../text.js';
import { perLocale } from '../text.js';
import { isLogic } from './compile.js';
import { operatorInfo, truthy } from './operators.js';

/** A sub-condition that decided a failure, with the inputs it read. */
export interface Condition {
  /** The sub-rule, as written. */
  readonly rule: unknown;
  /** The sentence: the condition in words, with the values read. */
  readonly text: LocalizedText;
  /** The fields it read and their values. */
  readonly inputs: readonly { readonly field: string; readonly value: unknown }[];
}

function opOf(node: Record<string, unknown>): [string, unknown[]] {
  const op = Object.keys(node)[0]!;
  const raw = node[op];
  return [op, Array.isArray(raw) ? raw : [raw]];
}

/** @internal What a part of a rule gives on the data being explained (undefined when it raises). */
export type PartValue = (node: unknown) => unknown;

/**
 * The sub-conditions that made `rule` falsy (each part's value given by `data`): through `and`
 * to the first false part, through `or` to every part, through `if` to the branch taken; any
 * other operation is a leaf. With `held`, the ones that made it truthy: through `or` to the
 * first true part, through `and` to every part.
 */
export function decisiveConditions(
  rule: unknown,
  data: PartValue,
  fields: ReadonlyMap<string, Field>,
  limit = 8,
  held = false,
): Condition[] {
  const out: Condition[] = [];
  // The operation that stops at its first decisive part, and the one whose parts all decide.
  const [first, every] = held ? ['or', 'and'] : ['and', 'or'];
  const walk = (node: unknown, depth: number): void => {
    if (out.length >= limit) return;
    if (isLogic(node) && depth < 32) {
      const [op, args] = opOf(node);
      if (op === first) {
        for (const child of args) {
          if (truthy(data(child)) === held) return walk(child, depth + 1);
        }
      } else if (op === every) {
        for (const child of args) walk(child, depth + 1);
        return;
      } else if (op === 'if' || op === '?:') {
        let i = 0;
        for (; i < args.length - 1; i += 2) {
          if (truthy(data(args[i]))) return walk(args[i + 1], depth + 1);
        }
        if (i < args.length) return walk(args[i], depth + 1);
      }
    }
    out.push(leaf(node, data, fields, held));
  };
  walk(rule, 0);
  return out;
}

function leaf(node: unknown, data: PartValue, fields: ReadonlyMap<string, Field>, held: boolean): Condition {
  const inputs = new Map<string, unknown>();
  const text = perLocale((locale) => {
    const expr = render(node, data, fields, locale, inputs);
    if (held) return locale === 'zh-CN' ? `满足：${expr}` : `met: ${expr}`;
    return locale === 'zh-CN' ? `未满足：${expr}` : `not met: ${expr}`;
  });
  return { rule: node, text, inputs: [...inputs].map(([field, value]) => ({ field, value })) };
}

function literal(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, locale)).join(', ')}]`;
  return formatValue(value, locale);
}

/** Writes a rule in words: fields by label with their values, operators by name. */
export function render(
  node: unknown,
  data: PartValue,
  fields: ReadonlyMap<string, Field>,
  locale: Locale,
  inputs: Map<string, unknown> = new Map(),
): string {
  if (Array.isArray(node)) return `[${node.map((n) => render(n, data, fields, locale, inputs)).join(', ')}]`;
  if (!isLogic(node)) return literal(node, locale);
  const [op, args] = opOf(node);
  if (op === 'var' && (typeof args[0] === 'string' || typeof args[0] === 'number')) {
    const name = String(args[0]);
    if (name === '$date') {
      const value = data(node);
      return locale === 'zh-CN'
        ? `检查日期（${formatValue(value, locale)}）`
        : `the evaluation date (${formatValue(value, locale)})`;
    }
    const field = fields.get(name);
    const value = data(node);
    if (field) inputs.set(name, value);
    const label = field ? field.label[locale] : name;
    return locale === 'zh-CN'
      ? `${label}（${formatValue(value, locale, field)}）`
      : `${label} (${formatValue(value, locale, field)})`;
  }
  const info = operatorInfo(op);
  const parts = args.map((a) => render(a, data, fields, locale, inputs));
  if (op === '!' && parts.length === 1) return locale === 'zh-CN' ? `并非：${parts[0]}` : `not: ${parts[0]}`;
  if (op === '!!' && parts.length === 1) return parts[0]!;
  if (info?.infix && parts.length === 2) return `${parts[0]} ${info.infix[locale]} ${parts[1]}`;
  if (info?.infix && parts.length === 3 && (op === '<' || op === '<=')) {
    return `${parts[0]} ${info.infix[locale]} ${parts[1]} ${info.infix[locale]} ${parts[2]}`;
  }
  if (op === 'and' || op === 'or') {
    const joiner =
      op === 'and' ? (locale === 'zh-CN' ? '，并且 ' : ', and ') : locale === 'zh-CN' ? '，或者 ' : ', or ';
    return parts.join(joiner);
  }
  const name = info ? info.doc[locale] : op;
  return `${name}(${parts.join(', ')})`;
}

/** Fills `{name}` placeholders in an explain sentence. Unknown names stay as written. */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, unknown>>,
  read: (name: string) => { found: boolean; value: unknown; field?: Field },
  locale: Locale,
): string {
  return template.replace(/\{([A-Za-z_$][\w.$]*)\}/g, (whole, name: string) => {
    if (Object.hasOwn(values, name)) return formatValue(values[name], locale);
    const hit = read(name);
    return hit.found ? formatValue(hit.value, locale, hit.field) : whole;
  });
}
