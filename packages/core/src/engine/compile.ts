import { SafecheckError } from '../issues.js';
import { analyzeLogic, DEFAULT_LIMITS, type LogicLimits } from './analyze.js';
import { addDaysToDay, addMonthsToDate, addMonthsToDay, toDayNumber } from './dates.js';
import { binaryOperator, eagerOperator, isOperator, LogicThrow, plainArray, truthy } from './operators.js';

/** A JSON-Logic rule: any JSON value; objects with one key are operations. */
export type Logic = unknown;

export { analyzeLogic, DEFAULT_LIMITS, readsOf, type LogicAnalysis, type LogicLimits } from './analyze.js';

/** A compiled rule. */
export type CompiledLogic = (data: unknown) => unknown;

/** @internal Per-evaluation state threaded through compiled closures. */
export interface EvalContext {
  /** Paths read at the top scope that had no value; null when not tracking. */
  missing: string[] | null;
  /** The data of the enclosing scopes, innermost last (for `val` with `[[n]]`). */
  above: unknown[];
  /** Answers by slot, for rules compiled against a {@link SlotTable}. */
  slots: readonly unknown[];
}

const NO_SLOTS: readonly unknown[] = Object.freeze([]);

/** @internal A fresh context. */
export function newContext(slots: readonly unknown[] = NO_SLOTS): EvalContext {
  return { missing: null, above: [], slots };
}

/**
 * @internal A ruleset's answers by position. Rules compiled against it read a field by index
 * instead of walking the nested data: the same values (the data is built from the slots),
 * without a lookup per path segment.
 */
export interface SlotTable {
  /** Slot of each field id (and of `$date`). */
  readonly index: ReadonlyMap<string, number>;
  /** Per slot: whether a blank read makes the item incomplete. */
  readonly required: readonly boolean[];
  /** Compiled rules of this table. */
  readonly cache: WeakMap<object, Fn>;
  /**
   * Whether a rule compiled against it reads the nested data at the top scope (a path inside
   * a field, a computed path, `missing`, `val`): when none does, the data need not be built.
   */
  readsData: boolean;
}

/** @internal */
export type Fn = (data: unknown, ctx: EvalContext) => unknown;

/** Whether a JSON value is an operation: an object with exactly one key. */
export function isLogic(node: unknown): node is Record<string, unknown> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  let n = 0;
  for (const key in node) if (Object.hasOwn(node, key) && ++n > 1) return false;
  return n === 1;
}

function opOf(node: Record<string, unknown>): string {
  for (const key in node) if (Object.hasOwn(node, key)) return key;
  return '';
}

function argsOf(node: Record<string, unknown>, op: string): unknown[] {
  const raw = node[op];
  return Array.isArray(raw) ? raw : [raw];
}

/**
 * Compiles a JSON-Logic rule once into closures, for evaluating many times.
 * Never uses `eval` or `new Function`, so it runs under a Content-Security-Policy without
 * 'unsafe-eval'. Rules read the data's own properties only. Compiled closures are memoised per
 * rule object: treat a rule as read-only once compiled.
 *
 * @throws {@link SafecheckError} with the issues when the rule has an unknown operator or
 *   exceeds the limits; use {@link analyzeLogic} to get them as data.
 * @example
 * const isAdult = compileLogic({ '>=': [{ var: 'age' }, 18] });
 * isAdult({ age: 20 }); // true
 */
export function compileLogic(rule: Logic, limits: LogicLimits = DEFAULT_LIMITS): CompiledLogic {
  const errors = analyzeLogic(rule, [], limits).issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new SafecheckError(errors);
  const fn = compileNode(rule);
  // One context per compiled rule, not one per call: evaluation is synchronous, and scopes
  // restore it on the way out (also when a rule raises).
  const ctx = newContext();
  return (data: unknown) => fn(data, ctx);
}

const cache = new WeakMap<object, Fn>();

/**
 * @internal Compiles a rule already analysed (or a part of one); memoised per object.
 * With a slot table, top-scope reads of field ids read the slots.
 */
export function compileNode(node: Logic, table?: SlotTable): Fn {
  if (node === null || typeof node !== 'object') return () => node;
  const memo = table ? table.cache : cache;
  const hit = memo.get(node);
  if (hit) return hit;
  const fn = build(node, table);
  memo.set(node, fn);
  return fn;
}

function build(node: object, table: SlotTable | undefined): Fn {
  const top = (n: unknown): Fn => compileNode(n, table);
  const operand = (n: unknown): Operand => varRead(n, table) ?? top(n);
  if (Array.isArray(node)) {
    const constant = constantList(node);
    // The caller may keep or change the array it gets: a fresh copy each time.
    if (constant) return () => constant.slice();
    const fns = node.map(top);
    return (d, c) => fns.map((f) => f(d, c));
  }
  if (!isLogic(node)) return () => node;
  const op = opOf(node);
  const args = argsOf(node, op);
  if (table && !table.readsData && readsTopData(op, args)) table.readsData = true;
  switch (op) {
    case 'var':
      return buildVar(args, table);
    case 'if':
    case '?:':
      return buildIf(args.map(operand));
    case 'and':
      return buildAnd(args.map(operand));
    case 'or':
      return buildOr(args.map(operand));
    case 'filter':
    case 'map':
    case 'all':
    case 'some':
    case 'none':
      // The body runs in the scope of each element: it reads elements, not fields.
      return buildIterator(op, listOperand(args[0], top, climbs(args[1])), compileNode(args[1]), climbs(args[1]));
    case 'reduce':
      return buildReduce(args, top);
    case 'missing':
      return buildMissing(args.map(top));
    case 'missing_some': {
      const need = top(args[0]);
      const options = top(args[1]);
      return (d, c) => {
        const keys = options(d, c);
        const list = Array.isArray(keys) ? keys : [keys];
        const absent = missingKeys(d, list);
        return list.length - absent.length >= (need(d, c) as number) ? [] : absent;
      };
    }
    case 'val':
      return buildVal(args.map(top), false);
    case 'exists':
      return buildVal(args.map(top), true);
    case 'coalesce':
    case '??': {
      const fns = args.map(top);
      return (d, c) => {
        for (const f of fns) {
          const v = f(d, c);
          if (v !== null && v !== undefined) return v;
        }
        return null;
      };
    }
    case 'try':
      // Fallbacks run in the scope of the error.
      return buildTry(args.map((a, i) => (i === 0 ? top(a) : compileNode(a))));
    default:
      return buildEager(op, args, operand, table);
  }
}

/** Whether an operation reads the top-scope data itself, other than a `var` of a field (see {@link SlotTable.readsData}). */
function readsTopData(op: string, args: readonly unknown[]): boolean {
  switch (op) {
    case 'missing':
    case 'missing_some':
    case 'val':
    case 'exists':
      return true;
    case 'filter':
    case 'map':
    case 'all':
    case 'some':
    case 'none':
    case 'reduce':
    case 'try':
      // A scope's body reads its own data, but climbing out of it reaches the top.
      return climbs(args);
    default:
      return false;
  }
}

/**
 * @internal Whether compiling a rule against a slot table with this index may set
 * {@link SlotTable.readsData}: the places here that set it, erring on "may" (scope bodies are
 * looked into too). Rules for which it is false can be compiled later without changing the flag.
 */
export function mayReadData(rule: unknown, index: ReadonlyMap<string, number>): boolean {
  if (Array.isArray(rule)) return rule.some((r) => mayReadData(r, index));
  if (!isLogic(rule)) return false;
  const op = opOf(rule);
  const args = argsOf(rule, op);
  if (readsTopData(op, args)) return true;
  if (op === 'var') {
    const path = args[0];
    if ((typeof path !== 'string' && typeof path !== 'number') || !index.has(String(path))) return true;
  }
  return args.some((a) => mayReadData(a, index));
}

/**
 * A flat array of scalars, as a frozen copy made once: an operand that no operator hands back
 * to the caller needs no fresh array per evaluation. Each use gets its own copy, so identity
 * comparisons see distinct arrays as they would fresh ones.
 */
function constantList(node: unknown): readonly unknown[] | undefined {
  if (!Array.isArray(node)) return undefined;
  for (let i = 0; i < node.length; i++) {
    const x: unknown = node[i];
    if (!(i in node) || !(x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'))
      return undefined;
  }
  return Object.freeze(node.slice());
}

/** An iteration's list: a constant one is shared unless the body can reach it (`val` climbing to `iterator`). */
function listOperand(node: unknown, top: (n: unknown) => Fn, meta: boolean): Fn {
  const constant = meta ? undefined : constantList(node);
  return constant ? () => constant : top(node);
}

// Binary operators compiled without an arguments array: the hot path of compliance rules.
/* eslint-disable eqeqeq -- loose equality is JSON-Logic's definition of == and != */
const BINARY: Readonly<Record<string, (a: any, b: any) => unknown>> = {
  '==': (a, b) => a == b,
  '===': (a, b) => a === b,
  '!=': (a, b) => a != b,
  '!==': (a, b) => a !== b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '-': (a, b) => a - b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
};
/* eslint-enable eqeqeq */

/**
 * A `var` of a constant path without a default, read without a closure of its own: a field's
 * slot, or a path of one or two names (read as {@link buildVar} reads them).
 */
interface VarRead {
  /** 0: slot; 1: one name; 2: two names. */
  readonly kind: number;
  readonly slot: number;
  readonly required: boolean;
  readonly key: string;
  readonly s0: string;
  readonly s1: string;
}

function varRead(node: unknown, table: SlotTable | undefined): VarRead | undefined {
  // Most operands are no `var`: told apart before the full look at the node.
  if (node === null || typeof node !== 'object' || !Object.hasOwn(node, 'var')) return undefined;
  if (!isLogic(node)) return undefined;
  const args = argsOf(node, 'var');
  const first = args[0];
  if (args.length !== 1 || (typeof first !== 'string' && typeof first !== 'number') || first === '') return undefined;
  const key = String(first);
  const slot = table?.index.get(key);
  if (table && slot !== undefined) return { kind: 0, slot, required: table.required[slot]!, key, s0: '', s1: '' };
  // A path that is not a field reads the data: only the slot table's fields are inlined there.
  if (table) return undefined;
  const segments = key.split('.');
  if (segments.length > 2) return undefined;
  return { kind: segments.length, slot: -1, required: false, key, s0: segments[0]!, s1: segments[1] ?? '' };
}

/** A compiled operand: a closure, or a `var` read in place (no call of its own). */
type Operand = Fn | VarRead;

/** An operand's value. */
function value(o: Operand, d: unknown, c: EvalContext): unknown {
  return typeof o === 'function' ? o(d, c) : readVar(d, c, o);
}

/** What the `var` closures of {@link buildVar} give for a {@link VarRead}, recording a blank read. */
function readVar(d: unknown, c: EvalContext, r: VarRead): unknown {
  let v: unknown;
  if (r.kind === 0) {
    v = c.slots[r.slot];
    if (v !== undefined) return v;
    if (r.required && c.missing) c.missing.push(r.key);
    return null;
  }
  v = own(d, r.s0);
  if (r.kind === 2) v = own(v, r.s1);
  if (v !== undefined && v !== null) return v;
  if (c.missing) c.missing.push(r.key);
  return null;
}

// Each comparison written out, so that each closure compares inline (one call site per operator).
/* eslint-disable eqeqeq -- loose equality is JSON-Logic's definition of == and != */
const COMPARE: Readonly<Record<string, (r: VarRead, k: any) => Fn>> = {
  '==': (r, k) => (d, c) => readVar(d, c, r) == k,
  '===': (r, k) => (d, c) => readVar(d, c, r) === k,
  '!=': (r, k) => (d, c) => readVar(d, c, r) != k,
  '!==': (r, k) => (d, c) => readVar(d, c, r) !== k,
  '>': (r, k) => (d, c) => (readVar(d, c, r) as any) > k,
  '>=': (r, k) => (d, c) => (readVar(d, c, r) as any) >= k,
  '<': (r, k) => (d, c) => (readVar(d, c, r) as any) < k,
  '<=': (r, k) => (d, c) => (readVar(d, c, r) as any) <= k,
};
const COMPARE_VARS: Readonly<Record<string, (r: VarRead, s: VarRead) => Fn>> = {
  '==': (r, s) => (d, c) => readVar(d, c, r) == readVar(d, c, s),
  '===': (r, s) => (d, c) => readVar(d, c, r) === readVar(d, c, s),
  '!=': (r, s) => (d, c) => readVar(d, c, r) != readVar(d, c, s),
  '!==': (r, s) => (d, c) => readVar(d, c, r) !== readVar(d, c, s),
  '>': (r, s) => (d, c) => (readVar(d, c, r) as any) > (readVar(d, c, s) as any),
  '>=': (r, s) => (d, c) => (readVar(d, c, r) as any) >= (readVar(d, c, s) as any),
  '<': (r, s) => (d, c) => (readVar(d, c, r) as any) < (readVar(d, c, s) as any),
  '<=': (r, s) => (d, c) => (readVar(d, c, r) as any) <= (readVar(d, c, s) as any),
};
/* eslint-enable eqeqeq */

function isConstant(node: unknown): boolean {
  return node === null || (typeof node !== 'object' && node !== undefined);
}

// Operators that may hand an argument back as their value: their operands stay fresh.
const RETURNS_ARGUMENT = new Set(['log', 'throw']);

function buildEager(
  op: string,
  args: readonly unknown[],
  operand: (n: unknown) => Operand,
  table: SlotTable | undefined,
): Fn {
  const fn = eagerOperator(op);
  if (!fn) {
    // analyzeLogic rejects unknown operators; a caller of compileNode that skipped it gets a thrown error.
    return () => {
      throw new LogicThrow({ type: 'Unknown Operator', key: op });
    };
  }
  if (args.length === 2 && Object.hasOwn(COMPARE, op)) {
    // A comparison of a field with a constant or another field: one closure, reads inlined.
    const [x, y] = args;
    const vx = varRead(x, table);
    if (vx && isConstant(y)) return COMPARE[op]!(vx, y);
    const vy = vx && varRead(y, table);
    if (vx && vy) return COMPARE_VARS[op]!(vx, vy);
  }
  const shared = !RETURNS_ARGUMENT.has(op);
  const fns = args.map((a): Operand => {
    const constant = shared ? constantList(a) : undefined;
    return constant ? () => constant : operand(a);
  });
  if (fns.length === 2) {
    const special = buildBinary(op, args, fns as [Operand, Operand], operand);
    if (special) return special;
  }
  if (fns.length === 1) {
    const a = fns[0]!;
    if (op === '!') return (d, c) => !truthy(value(a, d, c));
    if (op === '!!') return (d, c) => truthy(value(a, d, c));
  }
  // One arguments array per closure, refilled on each call: no operator keeps the array it is
  // given, and a closure is never running twice at once (a rule is a tree).
  const values = new Array<unknown>(fns.length);
  return (d, c) => {
    for (let i = 0; i < fns.length; i++) values[i] = value(fns[i]!, d, c);
    return fn(values);
  };
}

const DATE_TESTS: Readonly<Record<string, (x: number, y: number) => boolean>> = {
  'date.lt': (x, y) => x < y,
  'date.lte': (x, y) => x <= y,
  'date.gt': (x, y) => x > y,
  'date.gte': (x, y) => x >= y,
  'date.eq': (x, y) => x === y,
};

/** Two-argument operations without an arguments array; undefined when there is no special form. */
function buildBinary(
  op: string,
  args: readonly unknown[],
  [a, b]: [Operand, Operand],
  operand: (n: unknown) => Operand,
): Fn | undefined {
  const [x, y] = args;
  if (Object.hasOwn(BINARY, op)) {
    const bin = BINARY[op]!;
    // A constant operand is read once, at compile time.
    if (isConstant(y)) return (d, c) => bin(value(a, d, c), y);
    if (isConstant(x)) return (d, c) => bin(x, value(b, d, c));
    return (d, c) => bin(value(a, d, c), value(b, d, c));
  }
  if (Object.hasOwn(DATE_TESTS, op)) {
    // Dates compared as day numbers: a date computed by adding to another is never written
    // out as a string and read back.
    const test = DATE_TESTS[op]!;
    const dx = dayOperand(x, operand);
    const dy = dayOperand(y, operand);
    return (d, c) => {
      const p = dx(d, c);
      const q = dy(d, c);
      return p === null || q === null ? null : test(p, q);
    };
  }
  if (op === 'date.days_between') {
    const dx = dayOperand(x, operand);
    const dy = dayOperand(y, operand);
    return (d, c) => {
      const p = dx(d, c);
      const q = dy(d, c);
      return p === null || q === null ? null : q - p;
    };
  }
  if (op === 'list.any_in' || op === 'list.all_in') {
    // Against a constant list, no closure per evaluation.
    const any = op === 'list.any_in';
    const first = constantList(x);
    if (first) {
      return (d, c) => {
        const v = value(b, d, c);
        if (!Array.isArray(v)) return false;
        const list = plainArray(v);
        for (let i = 0; i < first.length; i++) if (list.includes(first[i]) === any) return any;
        return !any;
      };
    }
    const second = constantList(y);
    if (second) {
      const member = (v: unknown): boolean => second.includes(v);
      return (d, c) => {
        const v = value(a, d, c);
        return Array.isArray(v) && (any ? plainArray(v).some(member) : plainArray(v).every(member));
      };
    }
  }
  const fn2 = binaryOperator(op);
  if (fn2) return (d, c) => fn2(value(a, d, c), value(b, d, c));
  return undefined;
}

type DayFn = (data: unknown, ctx: EvalContext) => number | null;

/** Whether {@link dayOperand} does a node's date arithmetic on day numbers. */
function isDayArithmetic(node: unknown): boolean {
  if (!isLogic(node)) return false;
  const op = opOf(node);
  const args = argsOf(node, op);
  return (
    (op === 'date.add_days' || op === 'date.add_months' || op === 'date.add_years') &&
    args.length === 2 &&
    typeof args[1] === 'number' &&
    Number.isInteger(op === 'date.add_years' ? args[1] * 12 : args[1])
  );
}

/** A date operand as a day number: date arithmetic by a constant is done on day numbers. */
function dayOperand(node: unknown, operand: (n: unknown) => Operand): DayFn {
  if (isLogic(node)) {
    const op = opOf(node);
    const args = argsOf(node, op);
    if (args.length === 2 && typeof args[1] === 'number') {
      const n = op === 'date.add_years' ? args[1] * 12 : args[1];
      if (Number.isInteger(n)) {
        if (op === 'date.add_days') {
          const inner = dayOperand(args[0], operand);
          return (d, c) => {
            const day = inner(d, c);
            return day === null ? null : addDaysToDay(day, n);
          };
        }
        if ((op === 'date.add_months' || op === 'date.add_years') && !isDayArithmetic(args[0])) {
          // Months added to a date as written: from its digits, without the day number between.
          const f = operand(args[0]);
          return (d, c) => addMonthsToDate(value(f, d, c), n);
        }
        if (op === 'date.add_months' || op === 'date.add_years') {
          const inner = dayOperand(args[0], operand);
          return (d, c) => {
            const day = inner(d, c);
            return day === null ? null : addMonthsToDay(day, n);
          };
        }
      }
    }
  }
  const f = operand(node);
  // The last date read and its day number: the evaluation date is read by many rules.
  let last: unknown;
  let day: number | null = null;
  return (d, c) => {
    const v = value(f, d, c);
    if (v !== last) {
      day = toDayNumber(v);
      last = v;
    }
    return day;
  };
}

/**
 * Reads an own property, as json-logic-js's `var` does, but nothing of the prototype chain: not
 * a built-in's member, not a host class's getter, not a name other code added to
 * Object.prototype. Ownership is asked first, so an inherited getter never runs.
 */
function own(data: unknown, key: string): unknown {
  return data !== null && data !== undefined && Object.hasOwn(data as object, key)
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

function getPath(data: unknown, segments: readonly string[]): unknown {
  let d = data;
  for (let i = 0; i < segments.length; i++) {
    if (d === null || d === undefined) return undefined;
    d = own(d, segments[i]!);
    if (d === undefined) return undefined;
  }
  return d;
}

function buildVar(args: unknown[], table: SlotTable | undefined): Fn {
  const first = args[0];
  const fallback = args.length > 1 ? compileNode(args[1], table) : null;
  if (table && (typeof first === 'string' || typeof first === 'number')) {
    const key = String(first);
    const slot = table.index.get(key);
    if (slot === undefined) table.readsData = true;
    else {
      // A blank answer is an absent slot: as absent from the data, it reads as null or the default.
      if (fallback) return (d, c) => (c.slots[slot] === undefined ? fallback(d, c) : c.slots[slot]);
      const required = table.required[slot];
      return (_d, c) => {
        const v = c.slots[slot];
        if (v !== undefined) return v;
        if (required && c.missing) c.missing.push(key);
        return null;
      };
    }
  }
  if (table) table.readsData = true;
  const finish = (value: unknown, key: string, d: unknown, c: EvalContext): unknown => {
    if (value !== undefined && value !== null) return value;
    if (fallback) return value === null ? null : fallback(d, c);
    if (c.missing) c.missing.push(key);
    return null;
  };
  if (first === undefined || first === null || first === '') return (d) => d;
  if (typeof first === 'string' || typeof first === 'number') {
    const key = String(first);
    const segments = key.split('.');
    if (segments.length === 1) {
      return (d, c) => {
        const v = own(d, key);
        return v !== undefined && v !== null ? v : finish(v, key, d, c);
      };
    }
    if (segments.length === 2) {
      const [s0, s1] = segments as [string, string];
      return (d, c) => {
        const o = own(d, s0);
        const v = o === null || o === undefined ? undefined : own(o, s1);
        return v !== undefined && v !== null ? v : finish(v, key, d, c);
      };
    }
    return (d, c) => finish(getPath(d, segments), key, d, c);
  }
  const pathFn = compileNode(first, table);
  return (d, c) => {
    const p = pathFn(d, c);
    if (p === undefined || p === null || p === '') return d;
    const key = String(p);
    return finish(getPath(d, key.split('.')), key, d, c);
  };
}

function buildIf(fns: Operand[]): Fn {
  const n = fns.length;
  if (n === 3) {
    const [test, yes, no] = fns as [Operand, Operand, Operand];
    return (d, c) => (truthy(value(test, d, c)) ? value(yes, d, c) : value(no, d, c));
  }
  return (d, c) => {
    let i = 0;
    for (; i < n - 1; i += 2) if (truthy(value(fns[i]!, d, c))) return value(fns[i + 1]!, d, c);
    if (n === i + 1) return value(fns[i]!, d, c);
    return null;
  };
}

function buildAnd(fns: Operand[]): Fn {
  if (fns.length === 2) {
    const [a, b] = fns as [Operand, Operand];
    return (d, c) => {
      const x = value(a, d, c);
      return truthy(x) ? value(b, d, c) : x;
    };
  }
  return (d, c) => {
    let current: unknown;
    for (let i = 0; i < fns.length; i++) {
      current = value(fns[i]!, d, c);
      if (!truthy(current)) return current;
    }
    return current;
  };
}

function buildOr(fns: Operand[]): Fn {
  if (fns.length === 2) {
    const [a, b] = fns as [Operand, Operand];
    return (d, c) => {
      const x = value(a, d, c);
      return truthy(x) ? x : value(b, d, c);
    };
  }
  return (d, c) => {
    let current: unknown;
    for (let i = 0; i < fns.length; i++) {
      current = value(fns[i]!, d, c);
      if (truthy(current)) return current;
    }
    return current;
  };
}

/** Whether a rule climbs scopes (`val` with `[[n]]`), and so needs iteration metadata. */
function climbs(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(climbs);
  if (!isLogic(node)) return false;
  const op = opOf(node);
  const args = argsOf(node, op);
  if ((op === 'val' || op === 'exists') && Array.isArray(args[0])) return true;
  return args.some(climbs);
}

/**
 * Runs `body` in a new scope. As in json-logic-engine, a scope adds two levels for `val`'s
 * `[[n]]`: the outer data (n = 2) and the iteration's `{iterator, index}` (n = 1).
 * Top-scope tracking of missing inputs pauses inside.
 */
function inScope<T>(c: EvalContext, outer: unknown, body: (slot: number) => T): T {
  const missing = c.missing;
  const above = c.above;
  c.missing = null;
  above.push(outer, null);
  const slot = above.length - 1;
  try {
    return body(slot);
  } finally {
    above.length = slot - 1;
    c.missing = missing;
  }
}

function buildIterator(op: string, listFn: Fn, bodyFn: Fn, meta: boolean): Fn {
  return (d, c) => {
    const given = listFn(d, c);
    if (!Array.isArray(given)) return op === 'map' || op === 'filter' ? [] : op === 'none';
    const list = plainArray(given);
    return inScope(c, d, (slot) => {
      const each = (x: unknown, index: number): unknown => {
        if (meta) c.above[slot] = { iterator: list, index };
        return bodyFn(x, c);
      };
      switch (op) {
        case 'map':
          return list.map(each);
        case 'filter':
          return list.filter((x, i) => truthy(each(x, i)));
        case 'all':
          if (list.length === 0) return false;
          for (let i = 0; i < list.length; i++) if (!truthy(each(list[i], i))) return false;
          return true;
        case 'some':
          for (let i = 0; i < list.length; i++) if (truthy(each(list[i], i))) return true;
          return false;
        default:
          for (let i = 0; i < list.length; i++) if (truthy(each(list[i], i))) return false;
          return true;
      }
    });
  };
}

function buildReduce(args: unknown[], top: (n: unknown) => Fn): Fn {
  const listFn = top(args[0]);
  const bodyFn = compileNode(args[1]);
  const meta = climbs(args[1]);
  const initialFn = args[2] !== undefined ? top(args[2]) : () => null;
  return (d, c) => {
    const given = listFn(d, c);
    const initial = initialFn(d, c);
    if (!Array.isArray(given)) return initial;
    const list = plainArray(given);
    return inScope(c, d, (slot) =>
      list.reduce((accumulator: unknown, current: unknown, index: number) => {
        if (meta) c.above[slot] = { iterator: list, index };
        return bodyFn({ current, accumulator }, c);
      }, initial),
    );
  };
}

function missingKeys(data: unknown, keys: readonly unknown[]): unknown[] {
  const absent: unknown[] = [];
  for (const key of keys) {
    const value =
      key === undefined || key === null || key === '' ? data : (getPath(data, String(key).split('.')) ?? null);
    if (value === null || value === '') absent.push(key);
  }
  return absent;
}

function buildMissing(fns: Fn[]): Fn {
  return (d, c) => {
    const values = fns.map((f) => f(d, c));
    return missingKeys(d, Array.isArray(values[0]) ? values[0] : values);
  };
}

const UNFOUND = Symbol('unfound');

function buildVal(fns: Fn[], exists: boolean): Fn {
  return (d, c) => {
    let args: unknown = fns.map((f) => f(d, c));
    if (Array.isArray(args) && args.length === 1 && !Array.isArray(args[0])) args = args[0];
    const result = valLookup(args, d, c.above);
    if (exists) return result !== UNFOUND;
    return result === UNFOUND ? null : result;
  };
}

function valLookup(args: unknown, data: unknown, above: readonly unknown[]): unknown {
  if (!Array.isArray(args)) {
    const value = own(data, String(args));
    return value === undefined ? UNFOUND : value;
  }
  let result = data;
  let start = 0;
  if (Array.isArray(args[0]) && args[0].length === 1) {
    start = 1;
    const climb = Math.abs(Number(args[0][0]));
    if (climb > 0) result = climb <= above.length ? above[above.length - climb] : null;
  }
  for (let i = start; i < args.length; i++) {
    if (result === null || result === undefined) return UNFOUND;
    const next = own(result, String(args[i]));
    if (next === undefined) return UNFOUND;
    result = next;
  }
  return result === undefined ? UNFOUND : result;
}

function errorType(error: unknown): string {
  if (error instanceof LogicThrow) {
    const type = (error.value as { type?: unknown }).type;
    return typeof type === 'string' ? type : error.message;
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function buildTry(fns: Fn[]): Fn {
  return (d, c) => {
    let lastError: unknown;
    for (let i = 0; i < fns.length; i++) {
      try {
        if (i === 0) return fns[0]!(d, c);
        return inScope(c, d, () => fns[i]!({ type: errorType(lastError) }, c));
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  };
}

/** @internal For the explanation: whether a name is known to the engine. */
export { isOperator };
