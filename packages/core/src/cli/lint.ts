// `safecheck lint`: what parses but is probably wrong. Pure: no I/O, only the public API.
import {
  analyzeLogic,
  compileLogic,
  fieldUsage,
  truthy,
  type Field,
  type Issue,
  type IssueCode,
  type LocalizedText,
  type PathSegment,
  type Ruleset,
} from '../index.js';

/** What {@link lintRuleset} finds. */
export interface LintResult {
  /** Findings, all warnings. */
  readonly issues: readonly Issue[];
  /** The items whose wording was not checked against the official text. */
  readonly unverifiedItems: readonly string[];
}

const warn = (code: IssueCode, path: readonly PathSegment[], message: LocalizedText): Issue => ({
  code,
  path: [...path],
  message,
  severity: 'warning',
});

/**
 * Looks for what parses but is probably wrong: items that can never apply, checks that always pass
 * or always fail, fields nothing uses, texts left untranslated, items whose legal basis names no
 * article, and counts the unverified items.
 *
 * Whether a rule can hold is decided by trying values: every option of a choice, both booleans,
 * numbers and dates around the literals the rule compares with, blank for optional fields. Rules
 * are split at `and`, `or` and `!` so that independent parts are tried separately; a finding is
 * reported only when every combination of the values was tried.
 */
export function lintRuleset(r: Ruleset): LintResult {
  const issues: Issue[] = [];
  const solver = new Solver(r);

  r.items.forEach((it, i) => {
    const at = ['items', i];
    const applies = it.appliesWhen === undefined ? [] : [{ rule: it.appliesWhen, want: true }];
    if (it.appliesWhen !== undefined && solver.sat(applies) === false) {
      issues.push(
        warn('item_never_applies', [...at, 'appliesWhen'], {
          'zh-CN': `检查项“${it.id}”的适用条件在任何答案下都不成立，该项永远不适用`,
          en: `the appliesWhen of item "${it.id}" holds for no answers: the item can never apply`,
        }),
      );
      return;
    }
    if (it.judgment || it.check === undefined) return;
    const canFail = solver.sat([...applies, { rule: it.check, want: false }]);
    const canPass = solver.sat([...applies, { rule: it.check, want: true }]);
    if (canPass === false) {
      issues.push(
        warn('check_always_fails', [...at, 'check'], {
          'zh-CN': `检查项“${it.id}”的 check 在任何答案下都不成立：适用时必定判为不符合`,
          en: `the check of item "${it.id}" holds for no answers: whenever it applies it fails`,
        }),
      );
    } else if (canFail === false) {
      issues.push(
        warn('check_always_passes', [...at, 'check'], {
          'zh-CN': `检查项“${it.id}”的 check 在任何答案下都成立：填写完整后永远不会判为不符合`,
          en: `the check of item "${it.id}" holds for all answers: once answered it can never fail`,
        }),
      );
    }
  });

  const usage = fieldUsage(r);
  if (!usage.dynamic) {
    r.fields.forEach((f, i) => {
      if (usage.used.has(f.id)) return;
      issues.push(
        warn('unused_field', ['fields', i], {
          'zh-CN': `没有任何规则、说明或记录使用字段“${f.id}”：填写它不影响结果`,
          en: `no rule, explanation or record uses the field "${f.id}": answering it changes nothing`,
        }),
      );
    });
  }

  walkTexts(r, [], (text, path) => {
    const lang = untranslated(text);
    if (!lang) return;
    issues.push(
      warn('untranslated_text', path, {
        'zh-CN': lang === 'en' ? '英文文本似乎仍是中文，尚未翻译' : '中文文本似乎仍是英文，尚未翻译',
        en:
          lang === 'en'
            ? 'the en text seems to be Chinese: not translated yet'
            : 'the zh-CN text seems to be English: not translated yet',
      }),
    );
  });

  r.items.forEach((it, i) => {
    if (it.basis.some((b) => b.clause !== undefined || b.number !== undefined)) return;
    issues.push(
      warn('basis_without_clause', ['items', i, 'basis'], {
        'zh-CN': `检查项“${it.id}”的依据只有文件名称，没有文号或条款`,
        en: `the basis of item "${it.id}" names a document only, with no number or clause`,
      }),
    );
  });

  const unverifiedItems = r.items.filter((it) => it.provenance === 'unverified').map((it) => it.id);
  return { issues: issues.sort(byPath), unverifiedItems };
}

// Top-level keys in the order a ruleset file has them, so findings come in file order.
const KEYS = ['id', 'version', 'title', 'description', 'basis', 'outcomes', 'criteria', 'sections', 'fields', 'items'];
const rank = (key: PathSegment): number => {
  const i = KEYS.indexOf(String(key));
  return i === -1 ? KEYS.length : i;
};

function byPath(a: Issue, b: Issue): number {
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) {
    const x = a.path[i]!;
    const y = b.path[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return i === 0 ? rank(x) - rank(y) : 0;
  }
  return 0;
}

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]{3,}/g;

/** Which language of a text looks untranslated, if one does. */
function untranslated(text: LocalizedText): 'en' | 'zh-CN' | null {
  const strip = (s: string) => s.replace(/\{[^}]*\}/g, ' ').replace(/[“"「『][^”"」』]*[”"」』]/g, ' ');
  const en = strip(text.en);
  const han = en.match(HAN)?.length ?? 0;
  const latin = en.match(/[A-Za-z]/g)?.length ?? 0;
  if (han > 0 && han >= latin) return 'en';
  const zh = strip(text['zh-CN']);
  if ((zh.match(HAN)?.length ?? 0) === 0 && (zh.match(LATIN_WORD)?.length ?? 0) >= 2) return 'zh-CN';
  return null;
}

/** Calls `visit` with every `{zh-CN, en}` text in a value, and its path. */
function walkTexts(value: unknown, path: PathSegment[], visit: (t: LocalizedText, path: PathSegment[]) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkTexts(v, [...path, i], visit));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  if (typeof o['zh-CN'] === 'string' && typeof o.en === 'string' && Object.keys(o).length === 2) {
    visit(o as unknown as LocalizedText, path);
    return;
  }
  // Rules hold no texts to translate.
  for (const [k, v] of Object.entries(o)) {
    if (['appliesWhen', 'check', 'when', 'count', 'values'].includes(k)) continue;
    walkTexts(v, [...path, k], visit);
  }
}

// ---------------------------------------------------------------------------------------------
// Whether a set of rules can hold together, by trying values.

interface Constraint {
  readonly rule: unknown;
  readonly want: boolean;
}

const EXHAUSTIVE = 200_000;
const BRANCHES = 256;
// Dates far apart (rules add years: 3, 10, 12…) and next to each other (a day decides).
const DATE_ANCHORS = ['2000-01-01', '2020-06-15', '2025-06-15', '2025-06-16', '2026-06-15', '2050-01-01'];
// Numbers of every size: rules multiply inputs by constants (per console, per day, per hour).
const NUMBER_ANCHORS = [0, 1, 2, 10, 1000, 1_000_000];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isOp = (node: unknown): node is Record<string, unknown> =>
  node !== null && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length === 1;

class Solver {
  readonly #fields: readonly Field[];
  readonly #byId: ReadonlyMap<string, Field>;
  readonly #compiled = new Map<unknown, ((d: unknown) => unknown) | null>();
  #branches = 0;

  constructor(r: Ruleset) {
    this.#fields = r.fields;
    this.#byId = new Map(r.fields.map((f) => [f.id, f]));
  }

  /** true: some answers make every constraint hold; false: none do; null: not decided. */
  sat(constraints: readonly Constraint[]): boolean | null {
    this.#branches = 0;
    return this.#sat([...constraints], []);
  }

  #sat(pending: Constraint[], atoms: Constraint[]): boolean | null {
    // Split conjunctions; branch on disjunctions.
    while (pending.length > 0) {
      const c = pending.pop()!;
      if (!isOp(c.rule)) {
        atoms.push(c);
        continue;
      }
      const op = Object.keys(c.rule)[0]!;
      const raw = c.rule[op];
      const args = Array.isArray(raw) ? raw : [raw];
      if (op === '!' && args.length === 1) pending.push({ rule: args[0], want: !c.want });
      else if (op === '!!' && args.length === 1) pending.push({ rule: args[0], want: c.want });
      else if ((op === 'and' && c.want) || (op === 'or' && !c.want)) {
        if (args.length === 0) atoms.push(c);
        else for (const a of args) pending.push({ rule: a, want: c.want });
      } else if ((op === 'and' && !c.want) || (op === 'or' && c.want)) {
        if (args.length === 0) {
          atoms.push(c);
          continue;
        }
        let unknown = false;
        for (const a of args) {
          if (++this.#branches > BRANCHES) return null;
          const r = this.#sat([...pending, { rule: a, want: c.want }], [...atoms]);
          if (r === true) return true;
          if (r === null) unknown = true;
        }
        return unknown ? null : false;
      } else atoms.push(c);
    }
    return this.#solveAtoms(atoms);
  }

  /** Groups atoms that share inputs and tries each group's values. */
  #solveAtoms(atoms: readonly Constraint[]): boolean | null {
    const inputs = atoms.map((a) => this.#inputs(a.rule));
    if (inputs.some((x) => x === null)) return null;
    const groups: { atoms: Constraint[]; keys: Set<string> }[] = [];
    atoms.forEach((atom, i) => {
      const keys = inputs[i]!;
      const joined = groups.filter((g) => [...keys].some((k) => g.keys.has(k)));
      const merged = {
        atoms: [atom, ...joined.flatMap((g) => g.atoms)],
        keys: new Set([...keys, ...joined.flatMap((g) => [...g.keys])]),
      };
      for (const g of joined) groups.splice(groups.indexOf(g), 1);
      groups.push(merged);
    });
    let unknown = false;
    for (const g of groups) {
      const r = this.#search(g.atoms, [...g.keys]);
      if (r === false) return false;
      if (r === null) unknown = true;
    }
    return unknown ? null : true;
  }

  /** The fields (or `$date`) a rule reads; null when it reads a computed path. */
  #inputs(rule: unknown): Set<string> | null {
    const a = analyzeLogic(rule);
    if (a.dynamic) return null;
    const keys = new Set<string>();
    for (const v of a.vars) {
      if (v === '$date') {
        keys.add(v);
        continue;
      }
      if (this.#byId.has(v)) {
        keys.add(v);
        continue;
      }
      const under = this.#fields.filter((f) => f.id.startsWith(`${v}.`));
      if (under.length > 0) {
        under.forEach((f) => keys.add(f.id));
        continue;
      }
      const parts = v.split('.');
      let found = false;
      for (let i = parts.length - 1; i > 0 && !found; i--) {
        const id = parts.slice(0, i).join('.');
        if (this.#byId.has(id)) {
          keys.add(id);
          found = true;
        }
      }
      if (!found) return null;
    }
    return keys;
  }

  #compile(rule: unknown): ((d: unknown) => unknown) | null {
    if (!this.#compiled.has(rule)) {
      try {
        this.#compiled.set(rule, compileLogic(rule));
      } catch {
        this.#compiled.set(rule, null);
      }
    }
    return this.#compiled.get(rule)!;
  }

  /**
   * Backtracking over the inputs' values, most shared input first: each atom is tried as soon as
   * every input it reads has a value, so a failing part prunes the rest. Exact over the values
   * tried; null when the budget runs out.
   */
  #search(atoms: readonly Constraint[], keys: readonly string[]): boolean | null {
    const fns = atoms.map((a) => this.#compile(a.rule));
    if (fns.some((f) => f === null)) return null;
    const reads = atoms.map((a) => [...(this.#inputs(a.rule) ?? [])]);
    const degree = (k: string) => reads.filter((r) => r.includes(k)).length;
    const order = [...keys].sort((a, b) => degree(b) - degree(a));
    const position = new Map(order.map((k, i) => [k, i]));
    // The atoms to try once input `i` has its value: those whose last input is `i`.
    const due: number[][] = order.map(() => []);
    const constant: number[] = [];
    reads.forEach((r, a) => {
      if (r.length === 0) constant.push(a);
      else due[Math.max(...r.map((k) => position.get(k)!))]!.push(a);
    });
    const literals = collectLiterals(atoms.map((a) => a.rule));
    const domains = order.map((k) => this.#domain(k, literals));
    const data: Record<string, unknown> = {};
    const holds = (a: number): boolean => {
      try {
        return truthy(fns[a]!(data)) === atoms[a]!.want;
      } catch {
        return false;
      }
    };
    if (!constant.every(holds)) return false;
    let budget = EXHAUSTIVE;
    const assign = (i: number): boolean | null => {
      if (i === order.length) return true;
      let unknown = false;
      for (const value of domains[i]!) {
        if (--budget < 0) return null;
        setPath(data, order[i]!, value);
        if (!due[i]!.every(holds)) continue;
        const r = assign(i + 1);
        if (r === true) return true;
        if (r === null) unknown = true;
      }
      setPath(data, order[i]!, undefined);
      return unknown ? null : false;
    };
    return assign(0);
  }

  /** The values tried for an input. */
  #domain(key: string, literals: Literals): unknown[] {
    if (key === '$date') return dates(literals);
    const f = this.#byId.get(key)!;
    const values: unknown[] = [];
    switch (f.type) {
      case 'boolean':
        values.push(true, false);
        break;
      case 'choice':
        values.push(...f.options.map((o) => o.value));
        break;
      case 'number': {
        const pool = new Set<number>(NUMBER_ANCHORS);
        for (const n of literals.numbers) for (const d of [-1, -0.5, 0, 0.5, 1]) pool.add(n + d);
        if (f.min !== undefined) pool.add(f.min);
        if (f.max !== undefined) pool.add(f.max);
        for (const n of pool) {
          if (f.min !== undefined && n < f.min) continue;
          if (f.max !== undefined && n > f.max) continue;
          if (f.integer && !Number.isInteger(n)) continue;
          values.push(n);
        }
        break;
      }
      case 'date':
        values.push(...dates(literals));
        break;
      case 'text':
        values.push(...new Set([...literals.texts, 'x', 'y', '示例文本示例文本示例文本示例文本']));
        break;
      case 'codes': {
        const pool = f.options ? f.options.map((o) => o.value) : [...new Set([...literals.texts, 'x', 'y'])];
        const named = pool.filter((v) => literals.texts.has(v));
        const singles = [...new Set([...named, ...pool.slice(0, 6)])];
        values.push([], ...singles.map((v) => [v]), pool, named);
        break;
      }
    }
    if (!f.required) values.push(null);
    return values;
  }
}

interface Literals {
  readonly numbers: Set<number>;
  readonly dates: Set<string>;
  readonly texts: Set<string>;
}

const READS = new Set(['var', 'val', 'exists', 'missing', 'missing_some']);

function collectLiterals(rules: readonly unknown[]): Literals {
  const out: Literals = { numbers: new Set(), dates: new Set(), texts: new Set() };
  const walk = (node: unknown): void => {
    if (typeof node === 'number' && Number.isFinite(node)) out.numbers.add(node);
    else if (typeof node === 'string') (ISO_DATE.test(node) ? out.dates : out.texts).add(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (isOp(node)) {
      const op = Object.keys(node)[0]!;
      if (READS.has(op)) return;
      walk(node[op]);
    }
  };
  rules.forEach(walk);
  return out;
}

function dates(literals: Literals): string[] {
  const out = new Set(DATE_ANCHORS);
  for (const d of literals.dates) {
    const t = Date.parse(`${d}T00:00:00Z`);
    if (Number.isNaN(t)) continue;
    for (const k of [-1, 0, 1]) out.add(new Date(t + k * 86_400_000).toISOString().slice(0, 10));
  }
  return [...out];
}

function setPath(data: Record<string, unknown>, id: string, value: unknown): void {
  const parts = id.split('.');
  let node = data;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = node[parts[i]!];
    if (next === null || typeof next !== 'object') node[parts[i]!] = {};
    node = node[parts[i]!] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}
