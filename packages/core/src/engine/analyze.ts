import { issue, type Issue, type PathSegment } from '../issues.js';
import { operatorInfo } from './operators.js';

/** Bounds on a rule's shape, so that no rule can exhaust the stack or the memory. */
export interface LogicLimits {
  /** Deepest nesting of arrays and operations. */
  readonly maxDepth: number;
  /** Most nodes (values, arrays, operations) in one rule. */
  readonly maxNodes: number;
}

/** The limits used when none are given. */
export const DEFAULT_LIMITS: LogicLimits = { maxDepth: 100, maxNodes: 20_000 };

/** What a static look at a rule finds. */
export interface LogicAnalysis {
  /** Problems; a rule with an `error` does not compile. */
  readonly issues: Issue[];
  /** The data paths the rule reads at the top scope, as written (`vehicle.plate`). */
  readonly vars: string[];
  /** True when the rule reads a path computed at run time, so any field may matter. */
  readonly dynamic: boolean;
}

const ITERATORS = new Set(['filter', 'map', 'reduce', 'all', 'some', 'none']);

const readsMemo = new WeakMap<object, Pick<LogicAnalysis, 'vars' | 'dynamic'>>();

/** @internal The paths a rule reads (memoised per rule object; a parsed ruleset's rules were already looked at). */
export function readsOf(rule: unknown): Pick<LogicAnalysis, 'vars' | 'dynamic'> {
  if (rule === null || typeof rule !== 'object') return { vars: [], dynamic: false };
  const hit = readsMemo.get(rule);
  if (hit) return hit;
  const { vars, dynamic } = analyzeLogic(rule);
  return { vars, dynamic };
}

/**
 * @internal {@link analyzeLogic} for the many rules of one ruleset, which repeat themselves (the
 * checklist's 418 items have 99 different `appliesWhen`): a rule written as one before is not
 * walked again, unless its analysis had issues, which carry their own paths.
 */
export function analyzerOfMany(): (rule: unknown, path: readonly PathSegment[]) => LogicAnalysis {
  const seen = new Map<string, LogicAnalysis>();
  return (rule, path) => {
    if (rule === null || typeof rule !== 'object') return analyzeLogic(rule, path);
    let key: string | undefined;
    try {
      key = JSON.stringify(rule);
    } catch {
      // Not JSON (a cycle): walked, and stopped by the limits.
    }
    const hit = key === undefined ? undefined : seen.get(key);
    if (hit) {
      readsMemo.set(rule, { vars: hit.vars, dynamic: hit.dynamic });
      return { issues: [], vars: [...hit.vars], dynamic: hit.dynamic };
    }
    const analysis = analyzeLogic(rule, path);
    if (key !== undefined && analysis.issues.length === 0) seen.set(key, analysis);
    return analysis;
  };
}

// The state of one analysis. One plain recursive function over it, with the path pushed and
// popped in place, rather than closures per node: a fresh page analyses every rule of a ruleset
// before its first render, while the code is still cold.
interface Walk {
  readonly issues: Issue[];
  readonly vars: Set<string>;
  readonly at: PathSegment[];
  readonly limits: LogicLimits;
  dynamic: boolean;
  nodes: number;
  tooLarge: boolean;
  tooDeep: boolean;
}

/**
 * Looks at a rule without running it: unknown operators, argument counts, depth and size,
 * and the data paths it reads.
 */
export function analyzeLogic(
  rule: unknown,
  path: readonly PathSegment[] = [],
  limits: LogicLimits = DEFAULT_LIMITS,
): LogicAnalysis {
  const w: Walk = {
    issues: [],
    vars: new Set(),
    at: [...path],
    limits,
    dynamic: false,
    nodes: 0,
    tooLarge: false,
    tooDeep: false,
  };
  walk(w, rule, 0, 0);
  const result = { issues: w.issues, vars: [...w.vars].sort(), dynamic: w.dynamic };
  if (rule !== null && typeof rule === 'object' && limits === DEFAULT_LIMITS) {
    readsMemo.set(rule, { vars: result.vars, dynamic: result.dynamic });
  }
  return result;
}

function walk(w: Walk, node: unknown, depth: number, scope: number): void {
  if (w.tooLarge) return;
  if (++w.nodes > w.limits.maxNodes) {
    w.tooLarge = true;
    w.issues.push(
      issue('logic_too_large', w.at, {
        'zh-CN': `规则节点超过 ${w.limits.maxNodes} 个，请拆分`,
        en: `the rule has more than ${w.limits.maxNodes} nodes; split it`,
      }),
    );
    return;
  }
  if (depth > w.limits.maxDepth) {
    if (!w.tooDeep) {
      w.tooDeep = true;
      w.issues.push(
        issue('logic_too_deep', w.at, {
          'zh-CN': `规则嵌套超过 ${w.limits.maxDepth} 层`,
          en: `the rule is nested deeper than ${w.limits.maxDepth} levels`,
        }),
      );
    }
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const at = w.at;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      at.push(i);
      walk(w, node[i], depth + 1, scope);
      at.pop();
    }
    return;
  }
  // An operation is an object with exactly one key; any other object is a value.
  const keys = Object.keys(node);
  if (keys.length !== 1) return;
  const op = keys[0]!;
  const raw = (node as Record<string, unknown>)[op];
  const many = Array.isArray(raw);
  const args: unknown[] = many ? raw : [raw];
  const info = operatorInfo(op);
  if (!info) {
    w.issues.push(
      issue('unknown_operator', [...at, op], { 'zh-CN': `未知的运算符“${op}”`, en: `unknown operator "${op}"` }),
    );
    return;
  }
  const [min, max] = info.arity;
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `≥ ${min}` : `${min}–${max}`;
    w.issues.push(
      issue(
        'invalid_arguments',
        [...at, op],
        {
          'zh-CN': `运算符“${op}”需要 ${want} 个参数，实际 ${args.length} 个`,
          en: `operator "${op}" takes ${want} arguments, got ${args.length}`,
        },
        'warning',
      ),
    );
  }
  if (scope === 0) topScopeReads(w, op, args);
  // Climbing out of an iteration may reach the top scope: any field may be read.
  else if ((op === 'val' || op === 'exists') && Array.isArray(args[0])) w.dynamic = true;
  // Iterator bodies (argument 1) and try's fallbacks run in a scope of their own.
  const inner = ITERATORS.has(op) ? 1 : op === 'try' ? -1 : 0;
  at.push(op);
  for (let i = 0; i < args.length; i++) {
    const s = inner === 1 ? (i === 1 ? scope + 1 : scope) : inner === -1 && i > 0 ? scope + 1 : scope;
    if (many) at.push(i);
    walk(w, args[i], depth + 1, s);
    if (many) at.pop();
  }
  at.pop();
}

function readPath(w: Walk, value: unknown): void {
  if (typeof value === 'string' && value !== '') w.vars.add(value);
  else if (typeof value === 'number') w.vars.add(String(value));
  else w.dynamic = true;
}

function readKeys(w: Walk, keys: readonly unknown[]): void {
  for (const k of keys) {
    if (typeof k === 'object' && k !== null) {
      w.dynamic = true;
      return;
    }
  }
  for (const k of keys) readPath(w, k);
}

function topScopeReads(w: Walk, op: string, args: readonly unknown[]): void {
  if (op === 'var') {
    if (args.length === 0 || args[0] === '' || args[0] === null) w.dynamic = true;
    else readPath(w, args[0]);
  } else if (op === 'missing') {
    readKeys(w, args.length === 1 && Array.isArray(args[0]) ? args[0] : args);
  } else if (op === 'missing_some') {
    if (Array.isArray(args[1])) readKeys(w, args[1]);
    else w.dynamic = true;
  } else if (op === 'val' || op === 'exists') {
    const keys = args.length === 1 && !Array.isArray(args[0]) ? [args[0]] : args;
    if (keys.every((k) => typeof k === 'string')) readPath(w, keys.join('.'));
    else w.dynamic = true;
  }
}
