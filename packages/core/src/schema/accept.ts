import type * as z from 'zod/mini';

/** @internal What an acceptor returns when it cannot vouch for a value. */
export const UNSURE: unique symbol = Symbol('unsure');

/** @internal A value's parsed output, or {@link UNSURE}. */
export type Acceptor = (value: unknown) => unknown;

type Schema = z.core.$ZodType;
type Check = z.core.$ZodCheck;
type Payload = { value: unknown; issues: unknown[] };

/**
 * @internal Compiles a zod schema into plain closures that accept the values the schema accepts,
 * with an output equal to zod's (defaults filled in, keys in the schema's order; a part that needs
 * no change is handed back itself rather than copied), and answer
 * {@link UNSURE} for anything else, unusual or invalid: the caller then asks zod, which stays the
 * only judge of what is wrong and where.
 *
 * Why: zod without its JIT (forbidden by a portal's CSP) walks a 1.3 MB ruleset through generic
 * machinery, which costs most of a fresh page's first render. The checks themselves (lengths,
 * patterns, refinements) are zod's own, called directly. Returns null when the schema uses a kind
 * this does not know.
 */
export function compileAcceptor(schema: Schema): Acceptor | null {
  const memo = new Map<Schema, Acceptor | null>();
  const compile = (s: Schema): Acceptor | null => {
    if (memo.has(s)) return memo.get(s)!;
    memo.set(s, null); // a cycle (z.lazy) is not supported: it compiles to null
    const fn = build(s, compile);
    memo.set(s, fn);
    return fn;
  };
  return compile(schema);
}

// One payload for every delegated check: evaluation is synchronous and the checks only read its
// value and push issues.
const payload: Payload = { value: undefined, issues: [] };

function delegated(ch: Check): (value: unknown) => boolean {
  return (value) => {
    payload.value = value;
    // As zod: a check with a condition (lengths: "has a length") runs only when it holds.
    const when = ch._zod.def.when;
    if (when && !when(payload as never)) return true;
    ch._zod.check(payload as never);
    if (payload.issues.length === 0) return true;
    payload.issues.length = 0;
    return false;
  };
}

type Test = (value: unknown) => boolean;

/**
 * One check as a test. The most common ones on strings and arrays (lengths, patterns) are decided
 * here where the answer is certain, as zod decides them; zod's check object decides the rest
 * (zod counts a string's length in code points: only a length near the bound needs counting).
 */
function testOf(ch: Check, on: 'string' | 'array' | 'other'): Test {
  const zod = delegated(ch);
  const def = ch._zod.def as { check: string; minimum?: number; maximum?: number; format?: string; pattern?: RegExp };
  if (on === 'other') return zod;
  if (def.check === 'min_length' && typeof def.minimum === 'number') {
    const min = def.minimum;
    return (v) => {
      const n = (v as { length: number }).length;
      return n >= min * 2 || (n >= min && zod(v));
    };
  }
  if (def.check === 'max_length' && typeof def.maximum === 'number') {
    const max = def.maximum;
    return (v) => (v as { length: number }).length <= max || zod(v);
  }
  if (on === 'string' && def.check === 'string_format' && def.format === 'regex' && def.pattern instanceof RegExp) {
    const pattern = def.pattern;
    return (v) => {
      pattern.lastIndex = 0;
      return pattern.test(v as string);
    };
  }
  return zod;
}

/** All of a schema's checks as one test; null when it has none. */
function testAll(checks: readonly Check[], on: 'string' | 'array' | 'other'): Test | null {
  const tests = checks.map((ch) => testOf(ch, on));
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (v) => {
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
}

const KNOWN_CHECKS = new Set([
  'min_length',
  'max_length',
  'length_equals',
  'string_format',
  'greater_than',
  'less_than',
  'number_format',
  'multiple_of',
  'custom',
]);

// Checks that only attach metadata (for the JSON Schema): nothing to run.
const METADATA = new Set(['meta', 'describe']);

/** A schema's checks as zod runs them: the schema itself first when it is one (z.int(), z.custom()). */
function checksOf(s: Schema): Check[] | null {
  const checks: Check[] = s._zod.traits.has('$ZodCheck') ? [s as unknown as Check] : [];
  for (const ch of (s._zod.def.checks ?? []) as Check[]) {
    const kind = ch._zod.def.check;
    if (METADATA.has(kind)) continue;
    // Checks that rewrite the value (trim, lowercase) are zod's alone.
    if (!KNOWN_CHECKS.has(kind)) return null;
    if (kind === 'string_format' && (ch._zod.def as { format?: string }).format !== 'regex') return null;
    checks.push(ch);
  }
  return checks;
}

function withChecks(checks: readonly Check[], test: Test, on: 'string' | 'other' = 'other'): Acceptor {
  const all = testAll(checks, on);
  if (!all) return (v) => (test(v) ? v : UNSURE);
  return (v) => (test(v) && all(v) ? v : UNSURE);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function build(s: Schema, compile: (s: Schema) => Acceptor | null): Acceptor | null {
  const def = s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if ((def as { coerce?: boolean }).coerce) return null;
  const type = def.type;
  const checks = checksOf(s);
  if (!checks) return null;
  switch (type) {
    case 'string':
      return withChecks(checks, (v) => typeof v === 'string', 'string');
    case 'number':
      return withChecks(checks, (v) => typeof v === 'number' && Number.isFinite(v));
    case 'boolean':
      return withChecks(checks, (v) => typeof v === 'boolean');
    case 'custom':
    case 'unknown':
    case 'any':
      return withChecks(checks, () => true);
    case 'literal':
    case 'enum': {
      const values = s._zod.values;
      if (!values) return null;
      return withChecks(checks, (v) => values.has(v as never));
    }
    case 'optional': {
      const inner = compile(def.innerType as Schema);
      if (!inner || (def.innerType as Schema)._zod.optin === 'defaulted') return null;
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case 'nullable': {
      const inner = compile(def.innerType as Schema);
      if (!inner) return null;
      return (v) => (v === null ? null : inner(v));
    }
    case 'default': {
      const inner = compile(def.innerType as Schema);
      if (!inner) return null;
      // Read through the def each time: zod hands out a fresh copy of an object default.
      const d = def as unknown as z.core.$ZodDefaultDef;
      return (v) => {
        if (v === undefined) return d.defaultValue;
        const out = inner(v);
        return out === undefined ? d.defaultValue : out;
      };
    }
    case 'array': {
      const element = compile(def.element as Schema);
      if (!element) return null;
      const all = testAll(checks, 'array');
      return (v) => {
        if (!Array.isArray(v)) return UNSURE;
        let out: unknown[] | undefined;
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) return UNSURE; // a hole: zod's to judge
          const x = v[i];
          const y = element(x);
          if (y === UNSURE) return UNSURE;
          if (y !== x && !out) out = v.slice(0, i);
          if (out) out[i] = y;
        }
        const result = out ?? v;
        return !all || all(result) ? result : UNSURE;
      };
    }
    case 'record':
      return buildRecord(s, checks, compile);
    case 'object':
      return buildObject(s, checks, compile);
    case 'union':
      return buildDiscriminated(s, checks, compile);
    default:
      return null;
  }
}

function buildRecord(s: Schema, checks: readonly Check[], compile: (s: Schema) => Acceptor | null): Acceptor | null {
  const def = s._zod.def as z.core.$ZodRecordDef;
  const keyType = def.keyType as Schema;
  // Records over an enumerable key set (an enum) take another path in zod.
  if (keyType._zod.values || (def as { mode?: string }).mode === 'loose') return null;
  const key = compile(keyType);
  const value = compile(def.valueType as Schema);
  if (!key || !value) return null;
  const all = testAll(checks, 'other');
  return (v) => {
    if (!isObject(v) || Object.getPrototypeOf(v) !== Object.prototype) return UNSURE;
    if (Object.getOwnPropertySymbols(v).length > 0) return UNSURE;
    const keys = Object.keys(v);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k === '__proto__' || key(k) !== k) return UNSURE;
      const x = v[k];
      const y = value(x);
      if (y === UNSURE) return UNSURE;
      if (y !== x && !out) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]!] = v[keys[j]!];
      }
      if (out) out[k] = y;
    }
    const result = out ?? v;
    return !all || all(result) ? result : UNSURE;
  };
}

function buildObject(s: Schema, checks: readonly Check[], compile: (s: Schema) => Acceptor | null): Acceptor | null {
  const def = s._zod.def as z.core.$ZodObjectDef;
  const catchall = def.catchall as Schema | undefined;
  // Strict objects (catchall never) and stripping ones (no catchall); a catchall schema is zod's.
  if (catchall !== undefined && catchall._zod.def.type !== 'never') return null;
  const shape = def.shape as Record<string, Schema>;
  if (Object.getOwnPropertySymbols(shape).length > 0) return null;
  const keys = Object.keys(shape);
  const position = new Map(keys.map((k, i) => [k, i]));
  const n = keys.length;
  const fns: Acceptor[] = [];
  // How an absent key comes out: left out (optional), filled (default), or not accepted.
  const absent: ('omit' | 'fill' | 'unsure')[] = [];
  for (const k of keys) {
    const child = shape[k]!;
    const fn = compile(child);
    if (!fn) return null;
    fns.push(fn);
    const { optin, optout } = child._zod;
    absent.push(
      optin === 'optional' && optout === 'optional'
        ? 'omit'
        : optin === 'defaulted' && optout !== 'optional' && child._zod.def.type === 'default'
          ? 'fill'
          : 'unsure',
    );
  }
  const all = testAll(checks, 'other');
  return (v) => {
    if (!isObject(v)) return UNSURE;
    // An unknown key (an error when strict, stripped otherwise) is left to zod. The value itself
    // is the output when its keys come in the schema's order and nothing changes below it.
    let ordered = true;
    let last = -1;
    for (const k in v) {
      const at = position.get(k);
      if (at === undefined) return UNSURE;
      if (at < last) ordered = false;
      last = at;
    }
    let out: Record<string, unknown> | undefined = ordered ? undefined : {};
    const copy = (upTo: number): Record<string, unknown> => {
      const o: Record<string, unknown> = {};
      for (let j = 0; j < upTo; j++) if (keys[j]! in v) o[keys[j]!] = v[keys[j]!];
      return o;
    };
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      if (!(k in v)) {
        const a = absent[i];
        if (a === 'omit') continue;
        if (a === 'unsure') return UNSURE;
        out ??= copy(i);
        out[k] = fns[i]!(undefined);
        continue;
      }
      const x = v[k];
      // An explicit undefined, which JSON cannot hold, is left to zod.
      if (x === undefined) return UNSURE;
      const y = fns[i]!(x);
      if (y === UNSURE || y === undefined) return UNSURE;
      if (y !== x) out ??= copy(i);
      if (out) out[k] = y;
    }
    const result = out ?? v;
    return !all || all(result) ? result : UNSURE;
  };
}

function buildDiscriminated(
  s: Schema,
  checks: readonly Check[],
  compile: (s: Schema) => Acceptor | null,
): Acceptor | null {
  const def = s._zod.def as z.core.$ZodDiscriminatedUnionDef;
  const key = def.discriminator;
  if (typeof key !== 'string' || (def as { unionFallback?: boolean }).unionFallback) return null;
  const byTag = new Map<unknown, Acceptor>();
  for (const option of def.options as Schema[]) {
    const fn = compile(option);
    const tag = (option._zod.def as z.core.$ZodObjectDef).shape?.[key] as Schema | undefined;
    const values = tag?._zod.def.type === 'literal' ? tag._zod.values : undefined;
    if (!fn || !values) return null;
    for (const value of values) {
      if (byTag.has(value)) return null;
      byTag.set(value, fn);
    }
  }
  const all = testAll(checks, 'other');
  return (v) => {
    if (!isObject(v)) return UNSURE;
    const fn = byTag.get(v[key]);
    if (!fn) return UNSURE;
    const out = fn(v);
    return out === UNSURE || !all || all(out) ? out : UNSURE;
  };
}
