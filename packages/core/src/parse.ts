import type * as z from 'zod/mini';
import { analyzerOfMany } from './engine/analyze.js';
import { issue, ISSUE_CODES, type Issue, type IssueCode, type PathSegment } from './issues.js';
import { compileAcceptor, UNSURE, type Acceptor } from './schema/accept.js';
import { DIALECT, HINTS, patternHint, RulesetSchema, type Ruleset } from './schema/ruleset.js';
import type { LocalizedText } from './text.js';

/** The result of {@link parseRuleset}. */
export type ParseResult =
  | { readonly success: true; readonly ruleset: Ruleset; readonly warnings: readonly Issue[] }
  | { readonly success: false; readonly issues: readonly Issue[] };

const parsed = new WeakSet<object>();
// Valid rulesets take the fast path; zod judges the rest (and says what is wrong).
let acceptRuleset: Acceptor | undefined;

/**
 * Whether a ruleset object came out of {@link parseRuleset} successfully, so that a host (or a
 * component) can take it without checking it again.
 */
export function isParsed(ruleset: object): boolean {
  return parsed.has(ruleset);
}

/**
 * Loads a ruleset from JSON text or a parsed JSON value, and checks it: the schema, then what a
 * schema cannot see (duplicate ids, rules reading variables no field defines, unknown
 * operators, scoring naming unknown items, `validTo` before `validFrom`, …).
 * Never throws: every problem is an issue with a code, a JSON path and a message in zh-CN and en.
 * The ruleset may share objects with a value given (what needed no default or reordering): treat
 * both as read-only.
 *
 * @example
 * const result = parseRuleset(await (await fetch('/rulesets/loading-five-checks/1.0.0.json')).text());
 * if (!result.success) console.table(result.issues.map((i) => [i.path.join('.'), i.message.en]));
 */
export function parseRuleset(json: unknown): ParseResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        success: false,
        issues: [issue('invalid_json', [], { 'zh-CN': `不是有效的 JSON：${detail}`, en: `not valid JSON: ${detail}` })],
      };
    }
  }
  let ruleset = (acceptRuleset ??= compileAcceptor(RulesetSchema) ?? (() => UNSURE))(value) as Ruleset | typeof UNSURE;
  if (ruleset === UNSURE) {
    const result = RulesetSchema.safeParse(value, { reportInput: true });
    const dropped = protoValueNames(value);
    if (!result.success || dropped.length > 0) {
      return { success: false, issues: [...(result.success ? [] : result.error.issues.flatMap(fromZod)), ...dropped] };
    }
    ruleset = result.data;
  }
  const found = checkRuleset(ruleset);
  const errors = found.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { success: false, issues: found };
  parsed.add(ruleset);
  return { success: true, ruleset, warnings: found };
}

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { 'zh-CN': '文本', en: 'a string' },
  number: { 'zh-CN': '数字', en: 'a number' },
  boolean: { 'zh-CN': '布尔值', en: 'a boolean' },
  object: { 'zh-CN': '对象', en: 'an object' },
  array: { 'zh-CN': '数组', en: 'an array' },
};

function badName(path: PathSegment[], name: string, patternMessage: string): Issue {
  const hint = patternHint(patternMessage);
  return issue('invalid_format', path, {
    'zh-CN': `名称“${name}”格式不正确，应为${hint['zh-CN']}`,
    en: `the name "${name}" has the wrong format: ${hint.en}`,
  });
}

/**
 * Explanation values named __proto__, in the file as given: zod skips such a key of a record
 * without a word (an object cannot hold it as a plain key), and the value would be lost.
 */
function protoValueNames(value: unknown): Issue[] {
  const items = value !== null && typeof value === 'object' ? (value as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) return [];
  const issues: Issue[] = [];
  items.forEach((item: unknown, i) => {
    const explain = item !== null && typeof item === 'object' ? (item as { explain?: unknown }).explain : undefined;
    if (!Array.isArray(explain)) return;
    explain.forEach((e: unknown, j) => {
      const values = e !== null && typeof e === 'object' ? (e as { values?: unknown }).values : undefined;
      if (values !== null && typeof values === 'object' && Object.hasOwn(values, '__proto__')) {
        issues.push(badName(['items', i, 'explain', j, 'values', '__proto__'], '__proto__', HINTS.key.en));
      }
    });
  });
  return issues;
}

/** @internal A zod issue as safecheck issues, with their code and message in zh-CN and en. */
export function fromZod(zi: z.core.$ZodIssue): Issue[] {
  const path = zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as PathSegment[];
  switch (zi.code) {
    case 'invalid_type': {
      if (zi.input === undefined) {
        return [issue('missing_property', path, { 'zh-CN': '缺少必填属性', en: 'required property is missing' })];
      }
      const t = TYPE_NAMES[zi.expected] ?? { 'zh-CN': zi.expected, en: zi.expected };
      return [issue('invalid_type', path, { 'zh-CN': `应为${t['zh-CN']}`, en: `expected ${t.en}` })];
    }
    case 'unrecognized_keys':
      return zi.keys.map((key) =>
        issue('unknown_property', [...path, key], {
          'zh-CN': `未知属性“${key}”（拼写错误？）`,
          en: `unknown property "${key}" (a typo?)`,
        }),
      );
    case 'invalid_value': {
      const allowed = zi.values.map((v) => JSON.stringify(v)).join(', ');
      return [issue('invalid_value', path, { 'zh-CN': `取值应为：${allowed}`, en: `must be one of: ${allowed}` })];
    }
    case 'invalid_union': {
      const discriminator = (zi as { note?: string }).note;
      return [
        issue('invalid_value', path, {
          'zh-CN': discriminator ? `类型（type）无效` : '不符合任何允许的形式',
          en: discriminator ? 'invalid "type"' : 'matches none of the allowed forms',
        }),
      ];
    }
    case 'invalid_format': {
      const hint = patternHint(zi.message);
      return [
        issue('invalid_format', path, { 'zh-CN': `格式不正确，应为${hint['zh-CN']}`, en: `wrong format: ${hint.en}` }),
      ];
    }
    case 'invalid_key':
      // A record's key (an explanation's value name) that its pattern refuses.
      return [badName(path, String(zi.input), zi.issues[0]?.message ?? '')];
    case 'too_small':
      // An exclusive bound (a positive number: above 0) is said as one.
      return [
        issue('too_small', path, {
          'zh-CN':
            zi.origin === 'array'
              ? `至少需要 ${zi.minimum} 项`
              : zi.inclusive === false
                ? `必须大于 ${zi.minimum}`
                : `不能小于 ${zi.minimum}`,
          en:
            zi.origin === 'array'
              ? `needs at least ${zi.minimum} ${Number(zi.minimum) === 1 ? 'entry' : 'entries'}`
              : zi.inclusive === false
                ? `must be greater than ${zi.minimum}`
                : `must be at least ${zi.minimum}`,
        }),
      ];
    case 'too_big':
      return [
        issue('too_big', path, {
          'zh-CN':
            zi.origin === 'array'
              ? `最多 ${zi.maximum} 项`
              : zi.inclusive === false
                ? `必须小于 ${zi.maximum}`
                : `不能大于 ${zi.maximum}`,
          en:
            zi.origin === 'array'
              ? `at most ${zi.maximum} ${Number(zi.maximum) === 1 ? 'entry' : 'entries'}`
              : zi.inclusive === false
                ? `must be less than ${zi.maximum}`
                : `must be at most ${zi.maximum}`,
        }),
      ];
    case 'custom': {
      // A refinement of the schema names its own code and message in both languages.
      const { code, message } = (zi.params ?? {}) as { code?: unknown; message?: LocalizedText };
      if (typeof code === 'string' && (ISSUE_CODES as readonly string[]).includes(code) && message) {
        return [issue(code as IssueCode, path, message)];
      }
      return [issue('invalid_value', path, { 'zh-CN': `无效：${zi.message}`, en: `invalid: ${zi.message}` })];
    }
    default:
      return [issue('invalid_value', path, { 'zh-CN': `无效：${zi.message}`, en: `invalid: ${zi.message}` })];
  }
}

/** The variables a rule may read: fields, groups of fields, parts of a field's value, and `$date`. */
export function variableResolver(fieldIds: readonly string[]): (name: string) => boolean {
  const ids = new Set(fieldIds);
  const prefixes = new Set<string>();
  for (const id of fieldIds) {
    const parts = id.split('.');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
  }
  return (name) => {
    if (name === '$date' || ids.has(name) || prefixes.has(name)) return true;
    const parts = name.split('.');
    for (let i = parts.length - 1; i > 0; i--) if (ids.has(parts.slice(0, i).join('.'))) return true;
    return false;
  };
}

function checkRuleset(r: Ruleset): Issue[] {
  const out: Issue[] = [];
  if (r.dialect > DIALECT) {
    out.push(
      issue('unsupported_dialect', ['dialect'], {
        'zh-CN': `该规则集需要引擎方言 ${r.dialect}，本引擎支持到 ${DIALECT}，请升级 @safecheck/core`,
        en: `the ruleset needs engine dialect ${r.dialect}; this engine supports up to ${DIALECT}: upgrade @safecheck/core`,
      }),
    );
  }
  if (r.validTo !== undefined && r.validTo < r.validFrom) {
    out.push(
      issue('invalid_date_range', ['validTo'], {
        'zh-CN': `失效日期 ${r.validTo} 早于生效日期 ${r.validFrom}`,
        en: `validTo ${r.validTo} is before validFrom ${r.validFrom}`,
      }),
    );
  }

  // Paths are made only for the duplicates found: a large ruleset has thousands of ids.
  const duplicates = (
    code: 'duplicate_section_id' | 'duplicate_field_id' | 'duplicate_item_id' | 'duplicate_scoring_id',
    ids: readonly string[],
    pathOf: (index: number) => PathSegment[] | null,
    kind: LocalizedText,
  ): Set<string> => {
    const seen = new Set<string>();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const path = seen.has(id) ? pathOf(i) : null;
      if (path) {
        out.push(
          issue(code, path, {
            'zh-CN': `${kind['zh-CN']} id“${id}”重复`,
            en: `duplicate ${kind.en} id "${id}"`,
          }),
        );
      }
      seen.add(id);
    }
    return seen;
  };

  const sectionIds = duplicates(
    'duplicate_section_id',
    r.sections.map((s) => s.id),
    (i) => ['sections', i, 'id'],
    { 'zh-CN': '分组', en: 'section' },
  );
  const fieldIds = duplicates(
    'duplicate_field_id',
    r.fields.map((f) => f.id),
    (i) => ['fields', i, 'id'],
    { 'zh-CN': '字段', en: 'field' },
  );
  // Judgment answers are keyed by item id, beside field ids: one namespace.
  const nFields = r.fields.length;
  const itemIds = duplicates(
    'duplicate_item_id',
    [...r.fields.map((f) => f.id), ...r.items.map((it) => it.id)],
    // A field repeating a field is duplicate_field_id, said above.
    (i) => (i < nFields ? null : ['items', i - nFields, 'id']),
    { 'zh-CN': '检查项', en: 'item' },
  );
  for (const f of r.fields) itemIds.delete(f.id);

  const sorted = [...fieldIds].sort();
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.startsWith(`${a}.`)) {
      out.push(
        issue('field_id_conflict', ['fields', r.fields.findIndex((f) => f.id === b), 'id'], {
          'zh-CN': `字段“${b}”位于字段“${a}”之下，答案无法同时保存二者`,
          en: `field "${b}" nests inside field "${a}": answers cannot hold both`,
        }),
      );
    }
  }

  const unknownSection = (id: string, path: PathSegment[]): void => {
    if (!sectionIds.has(id)) {
      out.push(issue('unknown_section', path, { 'zh-CN': `未定义的分组“${id}”`, en: `no section has id "${id}"` }));
    }
  };
  r.sections.forEach((s, i) => s.parent !== undefined && unknownSection(s.parent, ['sections', i, 'parent']));
  r.fields.forEach((f, i) => unknownSection(f.section, ['fields', i, 'section']));
  r.items.forEach((it, i) => unknownSection(it.section, ['items', i, 'section']));

  const known = variableResolver([...fieldIds]);
  const analyze = analyzerOfMany();
  const logic = (rule: unknown, path: PathSegment[]): void => {
    if (rule === undefined) return;
    const analysis = analyze(rule, path);
    out.push(...analysis.issues);
    for (const name of analysis.vars) {
      if (!known(name)) {
        out.push(
          issue('unknown_variable', path, {
            'zh-CN': `规则读取的变量“${name}”没有对应的字段`,
            en: `the rule reads "${name}", which no field defines`,
          }),
        );
      }
    }
  };

  r.fields.forEach((f, i) => {
    logic(f.appliesWhen, ['fields', i, 'appliesWhen']);
    if ((f.type === 'choice' || f.type === 'codes') && f.options) {
      const values = new Set<string>();
      f.options.forEach((o, j) => {
        if (values.has(o.value)) {
          out.push(
            issue('invalid_option', ['fields', i, 'options', j, 'value'], {
              'zh-CN': `选项值“${o.value}”重复`,
              en: `duplicate option value "${o.value}"`,
            }),
          );
        }
        values.add(o.value);
      });
    }
    if ((f.type === 'text' || f.type === 'codes') && f.pattern !== undefined) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        out.push(
          issue('invalid_format', ['fields', i, 'pattern'], {
            'zh-CN': '不是有效的正则表达式',
            en: 'not a valid regular expression',
          }),
        );
      }
    }
    if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.max < f.min) {
      out.push(issue('invalid_value', ['fields', i, 'max'], { 'zh-CN': 'max 小于 min', en: 'max is below min' }));
    }
  });

  const criteria = new Set((r.criteria ?? []).map((c) => c.id));
  r.items.forEach((it, i) => {
    const at: PathSegment[] = ['items', i];
    if (it.judgment && it.check !== undefined) {
      out.push(
        issue('invalid_value', [...at, 'check'], {
          'zh-CN': '判断项（judgment）不能同时有 check',
          en: 'a judgment item has no check',
        }),
      );
    }
    if (!it.judgment && it.check === undefined) {
      out.push(
        issue('missing_check', at, {
          'zh-CN': '检查项需要 check 规则，或设为判断项（"judgment": true）',
          en: 'the item needs a check rule, or "judgment": true',
        }),
      );
    }
    logic(it.appliesWhen, [...at, 'appliesWhen']);
    logic(it.check, [...at, 'check']);
    it.explain?.forEach((e, j) => {
      logic(e.when, [...at, 'explain', j, 'when']);
      for (const [name, rule] of Object.entries(e.values ?? {})) logic(rule, [...at, 'explain', j, 'values', name]);
    });
    if (it.majorHazard !== undefined && !criteria.has(it.majorHazard)) {
      out.push(
        issue('unknown_criterion', [...at, 'majorHazard'], {
          'zh-CN': `未在 criteria 中定义的重大隐患判定标准“${it.majorHazard}”`,
          en: `no criterion has id "${it.majorHazard}"`,
        }),
      );
    }
  });

  if (r.scoring) {
    const s = r.scoring;
    const scoringIds: string[] = [];
    const scoringPaths: PathSegment[][] = [];
    const scoringId = (id: string, path: PathSegment[]): void => {
      scoringIds.push(id);
      scoringPaths.push(path);
    };
    const unknownItems = (ids: readonly string[] | undefined, path: PathSegment[]): void => {
      ids?.forEach((id, k) => {
        if (!itemIds.has(id)) {
          out.push(
            issue('unknown_item', [...path, k], { 'zh-CN': `没有 id 为“${id}”的检查项`, en: `no item has id "${id}"` }),
          );
        }
      });
    };
    s.projects.forEach((p, i) => {
      scoringId(p.id, ['scoring', 'projects', i, 'id']);
      p.rules.forEach((rule, j) => {
        const at: PathSegment[] = ['scoring', 'projects', i, 'rules', j];
        scoringId(rule.id, [...at, 'id']);
        logic(rule.when, [...at, 'when']);
        logic(rule.count, [...at, 'count']);
        unknownItems(rule.items, [...at, 'items']);
      });
    });
    const bandIds = new Set(s.bands.map((b) => b.id));
    s.bands.forEach((b, i) => {
      scoringId(b.id, ['scoring', 'bands', i, 'id']);
      if (i > 0 && b.min >= s.bands[i - 1]!.min) {
        out.push(
          issue('bands_not_descending', ['scoring', 'bands', i, 'min'], {
            'zh-CN': '分级须按下限从高到低排列',
            en: 'bands must go from the highest min to the lowest',
          }),
        );
      }
    });
    s.overrides?.forEach((o, i) => {
      const at: PathSegment[] = ['scoring', 'overrides', i];
      scoringId(o.id, [...at, 'id']);
      logic(o.when, [...at, 'when']);
      unknownItems(o.items, [...at, 'items']);
      if (!bandIds.has(o.band)) {
        out.push(
          issue('unknown_band', [...at, 'band'], { 'zh-CN': `没有分级“${o.band}”`, en: `no band has id "${o.band}"` }),
        );
      }
    });
    duplicates('duplicate_scoring_id', scoringIds, (i) => scoringPaths[i]!, { 'zh-CN': '计分', en: 'scoring' });
  }

  r.record?.fields.forEach((id, i) => {
    if (!fieldIds.has(id)) {
      out.push(
        issue('unknown_field', ['record', 'fields', i], { 'zh-CN': `没有字段“${id}”`, en: `no field has id "${id}"` }),
      );
    }
  });
  return out;
}
