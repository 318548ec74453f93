import type { LocalizedText } from '../text.js';
import { addDays, addMonths, daysBetween, toDayNumber } from './dates.js';
import { convert, mgm3ToPpm, ppmToMgm3, round } from './units.js';

/** JSON-Logic truthiness, as json-logic-js defines it: an empty array is false. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) return false;
  return !!value;
}

/** Where an operator comes from. */
export type OperatorFamily = 'classic' | 'extended' | 'safecheck';

/** What the engine knows about an operator: arity, family and a line of documentation. */
export interface OperatorInfo {
  readonly family: OperatorFamily;
  /** Fewest and most arguments; `Infinity` for variadic. */
  readonly arity: readonly [number, number];
  readonly doc: LocalizedText;
  /** How the explanation writes it between its two operands. */
  readonly infix?: LocalizedText;
}

type Eager = (args: unknown[]) => unknown;
type Binary = (a: unknown, b: unknown) => unknown;

interface EagerOperator extends OperatorInfo {
  readonly fn: Eager;
  /** The same operation on exactly two arguments, without an arguments array (the compiler's hot path). */
  readonly fn2?: Binary;
}

const both = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * @internal A list of the data as a plain array: the methods (and the species constructor) of an
 * array subclass never run when a rule uses the list. Plain arrays, all that JSON has, as they are.
 */
export function plainArray(list: readonly unknown[]): readonly unknown[] {
  if (Object.getPrototypeOf(list) === Array.prototype) return list;
  const copy = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) if (Object.hasOwn(list, i)) copy[i] = list[i];
  return copy;
}

const allIn = (x: unknown, y: unknown): boolean =>
  Array.isArray(x) && Array.isArray(y) && plainArray(x).every((v) => plainArray(y).includes(v));
const anyIn = (x: unknown, y: unknown): boolean =>
  Array.isArray(x) && Array.isArray(y) && plainArray(x).some((v) => plainArray(y).includes(v));
const missingFrom = (x: unknown, y: unknown): unknown[] =>
  Array.isArray(x) ? plainArray(x).filter((v) => !(Array.isArray(y) && plainArray(y).includes(v))) : [];

/**
 * `in`: an element of a list, or a substring. json-logic-js calls the `indexOf` of whatever it is
 * given; only strings and arrays are searched here, with the built-in indexOf, so that a rule
 * never calls a method of the host's data.
 */
function isIn(x: unknown, list: unknown): boolean {
  if (typeof list === 'string') return list.indexOf(x as string) !== -1;
  return Array.isArray(list) && Array.prototype.indexOf.call(list, x) !== -1;
}

// The operators whose arguments are all evaluated first. Semantics follow json-logic-js 2.x
// (classic), json-logic-engine (extended), or are documented here (safecheck).
/* eslint-disable eqeqeq -- JSON-Logic's == and != are JavaScript's loose equality by definition. */
const EAGER: Readonly<Record<string, EagerOperator>> = {
  '==': {
    family: 'classic',
    arity: [2, 2],
    fn: (a) => a[0] == a[1],
    doc: both('宽松相等', 'loose equality'),
    infix: both('等于', 'equals'),
  },
  '===': {
    family: 'classic',
    arity: [2, 2],
    fn: (a) => a[0] === a[1],
    doc: both('严格相等', 'strict equality'),
    infix: both('等于', 'equals'),
  },
  '!=': {
    family: 'classic',
    arity: [2, 2],
    fn: (a) => a[0] != a[1],
    doc: both('宽松不等', 'loose inequality'),
    infix: both('不等于', 'differs from'),
  },
  '!==': {
    family: 'classic',
    arity: [2, 2],
    fn: (a) => a[0] !== a[1],
    doc: both('严格不等', 'strict inequality'),
    infix: both('不等于', 'differs from'),
  },
  '>': {
    family: 'classic',
    arity: [2, 2],
    fn: (a) => (a[0] as number) > (a[1] as number),
    doc: both('大于', 'greater than'),
    infix: both('>', '>'),
  },
  '>=': {
    family: 'classic',
    arity: [2, 2],
    fn: (a) => (a[0] as number) >= (a[1] as number),
    doc: both('大于等于', 'at least'),
    infix: both('≥', '≥'),
  },
  '<': {
    family: 'classic',
    arity: [2, 3],
    fn: (a) =>
      a[2] === undefined
        ? (a[0] as number) < (a[1] as number)
        : (a[0] as number) < (a[1] as number) && (a[1] as number) < (a[2] as number),
    doc: both('小于（三个参数时为开区间）', 'less than (between, exclusive, with three)'),
    infix: both('<', '<'),
  },
  '<=': {
    family: 'classic',
    arity: [2, 3],
    fn: (a) =>
      a[2] === undefined
        ? (a[0] as number) <= (a[1] as number)
        : (a[0] as number) <= (a[1] as number) && (a[1] as number) <= (a[2] as number),
    doc: both('小于等于（三个参数时为闭区间）', 'at most (between, inclusive, with three)'),
    infix: both('≤', '≤'),
  },
  '!!': { family: 'classic', arity: [1, 1], fn: (a) => truthy(a[0]), doc: both('转为布尔值', 'to boolean') },
  '!': { family: 'classic', arity: [1, 1], fn: (a) => !truthy(a[0]), doc: both('逻辑非', 'not') },
  '%': {
    family: 'classic',
    arity: [2, 2],
    fn: (a) => (a[0] as number) % (a[1] as number),
    doc: both('取余', 'remainder'),
    infix: both('%', '%'),
  },
  // The engine is pure: `log` returns its argument and prints nothing.
  log: {
    family: 'classic',
    arity: [1, 1],
    fn: (a) => a[0],
    doc: both('原样返回参数（不输出）', 'returns its argument (prints nothing)'),
  },
  in: {
    family: 'classic',
    arity: [2, 2],
    fn2: isIn,
    fn: (a) => isIn(a[0], a[1]),
    doc: both('在列表中或为子串', 'in a list, or a substring'),
    infix: both('属于', 'is in'),
  },
  cat: {
    family: 'classic',
    arity: [0, Infinity],
    fn: (a) => a.join(''),
    doc: both('连接为文本', 'concatenate as text'),
  },
  substr: {
    family: 'classic',
    arity: [2, 3],
    fn: (a) => {
      const [source, start, end] = a as [unknown, number, number | undefined];
      if ((end as number) < 0) {
        const temp = String(source).substr(start);
        return temp.substr(0, temp.length + (end as number));
      }
      return String(source).substr(start, end);
    },
    doc: both('子串', 'substring'),
  },
  '+': {
    family: 'classic',
    arity: [0, Infinity],
    fn2: (x, y) => 0 + parseFloat(x as string) + parseFloat(y as string),
    fn: (a) => {
      let sum = 0;
      for (const x of a) sum = sum + parseFloat(x as string);
      return sum;
    },
    doc: both('求和', 'sum'),
    infix: both('+', '+'),
  },
  '*': {
    family: 'classic',
    arity: [1, Infinity],
    fn2: (x, y) => parseFloat(x as string) * parseFloat(y as string),
    fn: (a) => a.reduce((x, y) => parseFloat(x as string) * parseFloat(y as string)),
    doc: both('乘积', 'product'),
    infix: both('×', '×'),
  },
  '-': {
    family: 'classic',
    arity: [1, 2],
    fn: (a) => (a[1] === undefined ? -(a[0] as number) : (a[0] as number) - (a[1] as number)),
    doc: both('差或取负', 'difference, or negation'),
    infix: both('−', '−'),
  },
  '/': {
    family: 'classic',
    arity: [2, 2],
    fn: (a) => (a[0] as number) / (a[1] as number),
    doc: both('商', 'quotient'),
    infix: both('÷', '÷'),
  },
  min: {
    family: 'classic',
    arity: [0, Infinity],
    fn2: (x, y) => Math.min(x as number, y as number),
    fn: (a) => Math.min(...(a as number[])),
    doc: both('最小值', 'minimum'),
  },
  max: {
    family: 'classic',
    arity: [0, Infinity],
    fn2: (x, y) => Math.max(x as number, y as number),
    fn: (a) => Math.max(...(a as number[])),
    doc: both('最大值', 'maximum'),
  },
  merge: {
    family: 'classic',
    arity: [0, Infinity],
    fn: (a) => a.reduce((x: unknown[], y) => x.concat(Array.isArray(y) ? plainArray(y) : y), []),
    doc: both('合并列表', 'merge lists'),
  },
  throw: {
    family: 'extended',
    arity: [1, 1],
    fn: (a) => {
      const type = a[0];
      throw new LogicThrow(type !== null && typeof type === 'object' ? type : { type });
    },
    doc: both('抛出错误，由 try 捕获', 'raise an error, caught by try'),
  },

  'date.lt': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, y) => {
      const a = toDayNumber(x);
      const b = toDayNumber(y);
      return a === null || b === null ? null : a < b;
    },
    fn: (a) => cmpDates(a, (x, y) => x < y),
    doc: both('日期早于', 'date is before'),
    infix: both('早于', 'is before'),
  },
  'date.lte': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, y) => {
      const a = toDayNumber(x);
      const b = toDayNumber(y);
      return a === null || b === null ? null : a <= b;
    },
    fn: (a) => cmpDates(a, (x, y) => x <= y),
    doc: both('日期不晚于', 'date is on or before'),
    infix: both('不晚于', 'is on or before'),
  },
  'date.gt': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, y) => {
      const a = toDayNumber(x);
      const b = toDayNumber(y);
      return a === null || b === null ? null : a > b;
    },
    fn: (a) => cmpDates(a, (x, y) => x > y),
    doc: both('日期晚于', 'date is after'),
    infix: both('晚于', 'is after'),
  },
  'date.gte': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, y) => {
      const a = toDayNumber(x);
      const b = toDayNumber(y);
      return a === null || b === null ? null : a >= b;
    },
    fn: (a) => cmpDates(a, (x, y) => x >= y),
    doc: both('日期不早于', 'date is on or after'),
    infix: both('不早于', 'is on or after'),
  },
  'date.eq': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, y) => {
      const a = toDayNumber(x);
      const b = toDayNumber(y);
      return a === null || b === null ? null : a === b;
    },
    fn: (a) => cmpDates(a, (x, y) => x === y),
    doc: both('同一日期', 'same date'),
    infix: both('是同一天：', 'is the same day as'),
  },
  'date.add_days': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, n) => addDays(x, n),
    fn: (a) => addDays(a[0], a[1]),
    doc: both('加若干天', 'add days'),
  },
  'date.add_months': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, n) => addMonths(x, n),
    fn: (a) => addMonths(a[0], a[1]),
    doc: both('加若干月（月末对齐）', 'add months (clamped to month end)'),
  },
  'date.add_years': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, n) => addMonths(x, typeof n === 'number' ? n * 12 : NaN),
    fn: (a) => addMonths(a[0], typeof a[1] === 'number' ? a[1] * 12 : NaN),
    doc: both('加若干年', 'add years'),
  },
  'date.days_between': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, y) => daysBetween(x, y),
    fn: (a) => daysBetween(a[0], a[1]),
    doc: both('两日期相差天数（后减前）', 'days from the first date to the second'),
  },
  'str.starts_with': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, y) => (typeof x === 'string' && typeof y === 'string' ? x.startsWith(y) : null),
    fn: (a) => (typeof a[0] === 'string' && typeof a[1] === 'string' ? a[0].startsWith(a[1]) : null),
    doc: both('以…开头', 'starts with'),
    infix: both('开头为', 'starts with'),
  },
  'str.ends_with': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, y) => (typeof x === 'string' && typeof y === 'string' ? x.endsWith(y) : null),
    fn: (a) => (typeof a[0] === 'string' && typeof a[1] === 'string' ? a[0].endsWith(a[1]) : null),
    doc: both('以…结尾', 'ends with'),
    infix: both('结尾为', 'ends with'),
  },
  'str.length': {
    family: 'safecheck',
    arity: [1, 1],
    fn: (a) => (typeof a[0] === 'string' ? Array.from(a[0]).length : null),
    doc: both('文本长度（字符数）', 'length of a text, in characters'),
  },
  'list.count': {
    family: 'safecheck',
    arity: [1, 1],
    fn: (a) => (Array.isArray(a[0]) ? a[0].length : 0),
    doc: both('列表元素个数', 'number of elements of a list'),
  },
  'list.all_in': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: allIn,
    fn: (a) => allIn(a[0], a[1]),
    doc: both('前者每个元素都在后者中', 'every element of the first list is in the second'),
    infix: both('全部属于', 'all belong to'),
  },
  'list.any_in': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: anyIn,
    fn: (a) => anyIn(a[0], a[1]),
    doc: both('前者有元素在后者中', 'some element of the first list is in the second'),
    infix: both('部分属于', 'some belong to'),
  },
  'list.missing_from': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: missingFrom,
    fn: (a) => missingFrom(a[0], a[1]),
    doc: both('前者中不在后者的元素', 'elements of the first list absent from the second'),
  },
  'code.covers': {
    family: 'safecheck',
    arity: [2, 2],
    fn2: (x, y) => codeCovers(x, y),
    fn: (a) => codeCovers(a[0], a[1]),
    doc: both(
      '层级代码覆盖：类 2 覆盖项 2.1，项 2.1 不覆盖 2.3',
      'hierarchical code cover: class 2 covers division 2.1; 2.1 does not cover 2.3',
    ),
    infix: both('覆盖', 'covers'),
  },
  'unit.convert': {
    family: 'safecheck',
    arity: [3, 3],
    fn: (a) => convert(a[0], a[1], a[2]),
    doc: both('同量纲单位换算', 'convert between units of one dimension'),
  },
  'unit.mg_m3_to_ppm': {
    family: 'safecheck',
    arity: [2, 3],
    fn: (a) => mgm3ToPpm(a[0], a[1], a[2]),
    doc: both(
      '气体浓度 mg/m³ 换算为 ppm（摩尔质量 g/mol，温度 ℃，默认 20）',
      'gas mg/m³ to ppm (molar mass g/mol, temperature °C, default 20)',
    ),
  },
  'unit.ppm_to_mg_m3': {
    family: 'safecheck',
    arity: [2, 3],
    fn: (a) => ppmToMgm3(a[0], a[1], a[2]),
    doc: both(
      '气体浓度 ppm 换算为 mg/m³（摩尔质量 g/mol，温度 ℃，默认 20）',
      'gas ppm to mg/m³ (molar mass g/mol, temperature °C, default 20)',
    ),
  },
  'num.round': {
    family: 'safecheck',
    arity: [1, 2],
    fn2: (x, y) => round(x, y),
    fn: (a) => round(a[0], a[1]),
    doc: both('四舍五入到指定小数位', 'round to decimals, half away from zero'),
  },
};
/* eslint-enable eqeqeq */

// Operators that control evaluation themselves (lazy, scoped or reading data).
const SPECIAL: Readonly<Record<string, OperatorInfo>> = {
  var: { family: 'classic', arity: [0, 2], doc: both('读取数据（路径以点分隔）', 'read data by a dotted path') },
  missing: { family: 'classic', arity: [0, Infinity], doc: both('列出缺少的键', 'list the keys that are missing') },
  missing_some: { family: 'classic', arity: [2, 2], doc: both('至少需 n 个键', 'need at least n of the keys') },
  if: { family: 'classic', arity: [0, Infinity], doc: both('条件分支', 'conditional') },
  '?:': { family: 'classic', arity: [0, Infinity], doc: both('条件分支（if 的别名）', 'conditional (alias of if)') },
  and: {
    family: 'classic',
    arity: [1, Infinity],
    doc: both('并且（返回首个假值或末值）', 'and (first falsy value, or the last)'),
  },
  or: {
    family: 'classic',
    arity: [1, Infinity],
    doc: both('或者（返回首个真值或末值）', 'or (first truthy value, or the last)'),
  },
  filter: { family: 'classic', arity: [2, 2], doc: both('筛选列表', 'filter a list') },
  map: { family: 'classic', arity: [2, 2], doc: both('映射列表', 'map a list') },
  reduce: { family: 'classic', arity: [2, 3], doc: both('归约列表', 'reduce a list') },
  all: {
    family: 'classic',
    arity: [2, 2],
    doc: both('全部满足（空列表为假）', 'all satisfy (false for an empty list)'),
  },
  some: { family: 'classic', arity: [2, 2], doc: both('至少一个满足', 'at least one satisfies') },
  none: { family: 'classic', arity: [2, 2], doc: both('都不满足', 'none satisfies') },
  val: {
    family: 'extended',
    arity: [0, Infinity],
    doc: both('按键路径读取数据，[[n]] 向上 n 层作用域', 'read data by a key path; [[n]] climbs n scopes'),
  },
  exists: { family: 'extended', arity: [0, Infinity], doc: both('路径是否存在', 'whether a path exists') },
  coalesce: { family: 'extended', arity: [0, Infinity], doc: both('首个非空值', 'first value that is not null') },
  '??': {
    family: 'extended',
    arity: [0, Infinity],
    doc: both('首个非空值（coalesce 的别名）', 'first value that is not null (alias of coalesce)'),
  },
  try: {
    family: 'extended',
    arity: [0, Infinity],
    doc: both('依次尝试，出错时取下一个', 'try each in turn until one does not raise'),
  },
};

/** What an error raised by `throw` carries. */
export class LogicThrow extends Error {
  readonly value: object;
  constructor(value: object) {
    super(typeof (value as { type?: unknown }).type === 'string' ? (value as { type: string }).type : 'logic error');
    this.name = 'LogicThrow';
    this.value = value;
  }
}

function cmpDates(a: unknown[], test: (x: number, y: number) => boolean): boolean | null {
  const x = toDayNumber(a[0]);
  const y = toDayNumber(a[1]);
  return x === null || y === null ? null : test(x, y);
}

function codeCovers(scopes: unknown, code: unknown): boolean {
  if (typeof code !== 'string' && typeof code !== 'number') return false;
  const c = String(code);
  const list = Array.isArray(scopes) ? scopes : [scopes];
  return list.some((s) => {
    if (typeof s !== 'string' && typeof s !== 'number') return false;
    const scope = String(s);
    return c === scope || c.startsWith(`${scope}.`);
  });
}

/** @internal The eager operator's two-argument function, when it has one. */
export function binaryOperator(name: string): Binary | undefined {
  return Object.hasOwn(EAGER, name) ? EAGER[name]!.fn2 : undefined;
}

/** The eager operator's function, or undefined. Looks at own properties only. */
export function eagerOperator(name: string): Eager | undefined {
  return Object.hasOwn(EAGER, name) ? EAGER[name]!.fn : undefined;
}

/** Whether a name is an operator this dialect knows. */
export function isOperator(name: string): boolean {
  return Object.hasOwn(EAGER, name) || Object.hasOwn(SPECIAL, name);
}

/** Everything about an operator, or undefined. */
export function operatorInfo(name: string): OperatorInfo | undefined {
  if (Object.hasOwn(EAGER, name)) return EAGER[name];
  if (Object.hasOwn(SPECIAL, name)) return SPECIAL[name];
  return undefined;
}

/** The names of every operator, for docs and editors. */
export function operatorNames(): string[] {
  return [...Object.keys(SPECIAL), ...Object.keys(EAGER)];
}
