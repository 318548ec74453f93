import { toDayNumber } from '../engine/dates.js';
import { convert } from '../engine/units.js';
import { issue, type Issue } from '../issues.js';
import type { Field, Item, Ruleset } from '../schema/ruleset.js';

/** What the inspector says of a judgment item. */
export type Verdict = 'compliant' | 'noncompliant' | 'not_applicable';

/** A judgment item's answer, with an optional note. */
export interface Judgment {
  readonly verdict: Verdict;
  readonly note?: string;
}

/**
 * Answers keyed by field id (`vehicle.plate`) or, for judgment items, by item id. Values:
 * boolean; choice value; number (or `{value, unit}`); ISO date; text; list of codes; verdict or
 * {@link Judgment}. `null` or `""` is a blank answer.
 */
export type Answers = Readonly<Record<string, unknown>>;

/** Answers after checking: only valid values, normalised. */
export interface CheckedAnswers {
  /** Valid field values by field id (numbers in the field's unit). */
  readonly values: ReadonlyMap<string, unknown>;
  /** Valid judgments by item id. */
  readonly judgments: ReadonlyMap<string, Judgment>;
  /** Every answer that is unknown or invalid; invalid answers count as blank. */
  readonly issues: Issue[];
}

const VERDICTS: readonly string[] = ['compliant', 'noncompliant', 'not_applicable'];

/** Whether an answer is blank: missing, null or an empty text. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

const describe = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

type Checked<T> = { ok: true; value: T } | { ok: false; issue: Issue };
type AnswerCode = 'invalid_answer' | 'answer_out_of_range' | 'unknown_unit';

/** @internal An answer refused, with why: what the checkers return instead of a value. */
export class Invalid {
  constructor(readonly issue: Issue) {}
}

function bad(field: Field, value: unknown, zh: string, en: string, code: AnswerCode = 'invalid_answer'): Invalid {
  return new Invalid(
    issue(code, [field.id], {
      'zh-CN': `“${field.label['zh-CN']}”的答案 ${describe(value)} 无效：${zh}`,
      en: `the answer ${describe(value)} to "${field.label.en}" is invalid: ${en}`,
    }),
  );
}

function checkNumber(field: Field & { type: 'number' }, value: unknown): unknown {
  let n = value;
  if (n !== null && typeof n === 'object' && !Array.isArray(n)) {
    // Exactly {value, unit}, own properties: nothing inherited is read, nothing extra is dropped.
    const v = ownValue(n, 'value');
    const unit = ownValue(n, 'unit');
    if (typeof v !== 'number' || typeof unit !== 'string' || Object.keys(n).length !== 2) {
      return bad(field, value, '应为数字或 {value, unit}', 'expected a number or {value, unit}');
    }
    if (unit === field.unit) n = v;
    else {
      const converted = field.unit === undefined ? null : convert(v, unit, field.unit);
      if (converted === null) {
        const to = field.unit ?? '';
        return bad(
          field,
          value,
          `单位 ${unit} 不能换算为 ${to || '（无单位）'}`,
          `unit ${unit} does not convert to ${to || '(no unit)'}`,
          'unknown_unit',
        );
      }
      n = converted;
    }
  }
  if (typeof n !== 'number' || !Number.isFinite(n)) return bad(field, value, '应为数字', 'expected a number');
  if (field.integer && !Number.isInteger(n)) return bad(field, value, '应为整数', 'expected a whole number');
  if (field.min !== undefined && n < field.min) {
    return bad(field, value, `不能小于 ${field.min}`, `below the minimum ${field.min}`, 'answer_out_of_range');
  }
  if (field.max !== undefined && n > field.max) {
    return bad(field, value, `不能大于 ${field.max}`, `above the maximum ${field.max}`, 'answer_out_of_range');
  }
  return n;
}

/** An own property's value (undefined if the object only inherits it): no inherited getter runs. */
function ownValue(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/**
 * The codes as a plain array of own strings, or null: an array subclass's methods never run (not
 * here, nor later in a rule), and a gap in the list is no code.
 */
function plainCodes(value: readonly unknown[]): string[] | null {
  const plain = Object.getPrototypeOf(value) === Array.prototype;
  const codes = plain ? (value as string[]) : new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) {
    if (!Object.hasOwn(value, i)) return null;
    const c = value[i];
    if (typeof c !== 'string') return null;
    if (!plain) codes[i] = c;
  }
  return codes;
}

/** Whether no code is unknown, malformed or repeated. */
function codesValid(field: Field & { type: 'codes' }, codes: readonly string[]): boolean {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (field.options !== undefined && !hasOption(field.options, c)) return false;
    if (field.pattern !== undefined && !fullMatch(field.pattern, c)) return false;
    if (codes.indexOf(c) !== i) return false;
  }
  return true;
}

function checkCodes(field: Field & { type: 'codes' }, value: unknown): unknown {
  const codes = Array.isArray(value) ? plainCodes(value) : null;
  if (!codes)
    return bad(field, value, '应为代码（文本）的列表，不留空位', 'expected a list of codes (texts), with no gaps');
  // Valid lists, the usual case, without the lists of what is wrong.
  if (codesValid(field, codes)) return codes;
  const wrong = codes.filter(
    (c) =>
      (field.options !== undefined && !field.options.some((o) => o.value === c)) ||
      (field.pattern !== undefined && !fullMatch(field.pattern, c)),
  );
  if (wrong.length > 0) return bad(field, value, `代码无效：${wrong.join('、')}`, `invalid codes: ${wrong.join(', ')}`);
  const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (repeated.length > 0)
    return bad(field, value, `代码重复：${repeated.join('、')}`, `repeated codes: ${repeated.join(', ')}`);
  return codes;
}

/** @internal Checks one field's answer; returns the normalised value or an issue. */
export function checkFieldAnswer(field: Field, value: unknown): Checked<unknown> {
  const checked = fieldValue(field, value);
  return checked instanceof Invalid ? { ok: false, issue: checked.issue } : { ok: true, value: checked };
}

function hasOption(options: readonly { readonly value: string }[], value: string): boolean {
  for (let i = 0; i < options.length; i++) if (options[i]!.value === value) return true;
  return false;
}

/** @internal {@link checkFieldAnswer} without a result object per answer: the normalised value, or {@link Invalid}. */
export function fieldValue(field: Field, value: unknown): unknown {
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : bad(field, value, '应为是/否', 'expected true or false');
    case 'choice':
      if (typeof value === 'string' && hasOption(field.options, value)) return value;
      return bad(
        field,
        value,
        `应为以下之一：${field.options.map((o) => o.value).join('、')}`,
        `expected one of ${field.options.map((o) => o.value).join(', ')}`,
      );
    case 'number':
      return checkNumber(field, value);
    case 'date':
      return typeof value === 'string' && value.length === 10 && toDayNumber(value) !== null
        ? value
        : bad(field, value, '应为日期 YYYY-MM-DD', 'expected a date YYYY-MM-DD');
    case 'text':
      if (typeof value !== 'string') return bad(field, value, '应为文本', 'expected a text');
      if (field.maxLength !== undefined && Array.from(value).length > field.maxLength) {
        return bad(field, value, `不能超过 ${field.maxLength} 个字符`, `longer than ${field.maxLength} characters`);
      }
      if (field.pattern !== undefined && !fullMatch(field.pattern, value)) {
        return bad(field, value, '格式不符', 'does not match the expected format');
      }
      return value;
    case 'codes':
      return checkCodes(field, value);
  }
}

const patterns = new Map<string, RegExp>();
function fullMatch(pattern: string, text: string): boolean {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    patterns.set(pattern, re);
  }
  return re.test(text);
}

/** @internal Plain verdicts share one frozen answer each: a checklist allocates nothing for them. */
export const PLAIN_JUDGMENT: Readonly<Record<Verdict, Judgment>> = {
  compliant: Object.freeze({ verdict: 'compliant' }),
  noncompliant: Object.freeze({ verdict: 'noncompliant' }),
  not_applicable: Object.freeze({ verdict: 'not_applicable' }),
};

/** @internal Checks a judgment item's answer. */
export function checkJudgment(item: Item, value: unknown): Checked<Judgment> {
  const checked = judgmentValue(item, value);
  return checked instanceof Invalid ? { ok: false, issue: checked.issue } : { ok: true, value: checked };
}

/** @internal {@link checkJudgment} without a result object per answer: the judgment, or {@link Invalid}. */
export function judgmentValue(item: Item, value: unknown): Judgment | Invalid {
  switch (value) {
    case 'compliant':
      return PLAIN_JUDGMENT.compliant;
    case 'noncompliant':
      return PLAIN_JUDGMENT.noncompliant;
    case 'not_applicable':
      return PLAIN_JUDGMENT.not_applicable;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const verdict = ownValue(value, 'verdict');
    const note = ownValue(value, 'note');
    if (
      typeof verdict === 'string' &&
      VERDICTS.includes(verdict) &&
      (note === undefined || typeof note === 'string') &&
      Object.keys(value).every((k) => k === 'verdict' || k === 'note')
    ) {
      return note ? { verdict: verdict as Verdict, note } : { verdict: verdict as Verdict };
    }
  }
  return new Invalid(
    issue('invalid_answer', [item.id], {
      'zh-CN': `检查项“${item.title['zh-CN']}”的答案 ${describe(value)} 无效：应为 compliant、noncompliant、not_applicable 或 {verdict, note}`,
      en: `the answer ${describe(value)} to "${item.title.en}" is invalid: expected compliant, noncompliant, not_applicable or {verdict, note}`,
    }),
  );
}

/** @internal The issue of an answer to nothing the ruleset has. */
export function unknownAnswer(key: string): Issue {
  return issue(
    'unknown_answer',
    [key],
    {
      'zh-CN': `规则集中没有“${key}”，该答案未被使用`,
      en: `the ruleset has no "${key}": this answer is not used`,
    },
    'warning',
  );
}

/** @internal The answers object's own keys, or an issue when it is not an object (none when it is absent). */
export function answerKeys(answers: unknown): string[] | Issue | null {
  if (answers === undefined || answers === null) return null;
  if (typeof answers !== 'object' || Array.isArray(answers) || !isPlain(answers)) return notAnswers();
  return Object.keys(answers);
}

/** @internal The issue of answers that are not a plain object. */
export function notAnswers(): Issue {
  return issue('invalid_answer', [], {
    'zh-CN': '答案应为普通对象（如 JSON 中的对象）；数组、Map 或类的实例不会被读取',
    en: 'answers must be a plain object (as JSON has them); an array, a Map or a class instance is not read',
  });
}

/** Whether an object is plain: made by `{}`, JSON or Object.create(null), in this realm or another. */
function isPlain(object: object): boolean {
  const proto = Object.getPrototypeOf(object) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/**
 * Checks answers against a ruleset's fields and judgment items. Unknown keys and invalid values
 * are issues (never dropped in silence); invalid values count as blank.
 */
export function checkAnswers(ruleset: Ruleset, answers: unknown): CheckedAnswers {
  return checkAnswersWith(ruleset, answers, answerLookup(ruleset));
}

/** @internal {@link checkAnswers} with lookup tables already built. */
export function checkAnswersWith(ruleset: Ruleset, answers: unknown, lookup: AnswerLookup): CheckedAnswers {
  const values = new Map<string, unknown>();
  const judgments = new Map<string, Judgment>();
  const issues: Issue[] = [];
  const keys = answerKeys(answers);
  if (keys === null || !Array.isArray(keys)) {
    if (keys) issues.push(keys);
    return { values, judgments, issues };
  }
  for (const key of keys) {
    const value = (answers as Record<string, unknown>)[key];
    const field = lookup.fields.get(key);
    const item = field ? undefined : lookup.judgmentItems.get(key);
    if (!field && !item) {
      issues.push(unknownAnswer(key));
      continue;
    }
    if (isBlank(value)) continue;
    const checked = field ? fieldValue(field, value) : judgmentValue(item!, value);
    if (checked instanceof Invalid) issues.push(checked.issue);
    else if (field) values.set(key, checked);
    else judgments.set(key, checked as Judgment);
  }
  return { values, judgments, issues };
}

/** @internal Field and judgment-item lookup tables of a ruleset. */
export interface AnswerLookup {
  readonly fields: ReadonlyMap<string, Field>;
  readonly judgmentItems: ReadonlyMap<string, Item>;
}

/** @internal */
export function answerLookup(ruleset: Ruleset): AnswerLookup {
  return {
    fields: new Map(ruleset.fields.map((f) => [f.id, f])),
    judgmentItems: new Map(ruleset.items.filter((i) => i.judgment).map((i) => [i.id, i])),
  };
}

/** @internal Nests field values by the dots of their ids: the data rules read. */
export function toLogicData(values: ReadonlyMap<string, unknown>, date: string | undefined): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [id, value] of values) setPath(data, id, value);
  if (date !== undefined) data.$date = date;
  return data;
}

/** @internal Sets (or, with `undefined`, removes) a value at a dotted path of nested data. */
export function setPath(data: Record<string, unknown>, id: string, value: unknown): void {
  setSegments(data, id.split('.'), value);
}

/** @internal {@link setPath} with the path already split. */
export function setSegments(data: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let node = data;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i]!;
    let next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next === undefined || next === null || typeof next !== 'object') {
      next = {};
      node[key] = next;
    }
    node = next as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}
