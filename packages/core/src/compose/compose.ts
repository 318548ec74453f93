import { issue, type Issue, type PathSegment } from '../issues.js';
import { parseRuleset } from '../parse.js';
import type { Ruleset } from '../schema/ruleset.js';
import { canonical } from '../versions/canonical.js';
import { fieldUsage, type UsageSource } from './usage.js';

/** How {@link composeRuleset} finds the ruleset another extends. */
export interface ComposeOptions {
  /**
   * Returns the base ruleset's JSON (text or parsed value) for an id and exact version, or
   * `undefined` when there is none. The CLI reads `rulesets/<id>/<version>.json`.
   */
  readonly resolve: (id: string, version: string) => unknown;
}

/** What composition left out besides the removed items. */
export interface Pruned {
  /** Inherited fields that only removed items read. */
  readonly fields: readonly string[];
  /** Inherited sections left with nothing in them. */
  readonly sections: readonly string[];
}

/** The result of {@link composeRuleset}. */
export type ComposeResult =
  | {
      readonly success: true;
      /** The composed ruleset, parsed: ready for {@link evaluate}. */
      readonly ruleset: Ruleset;
      /** The composed ruleset as JSON, to publish as a file of its own. */
      readonly json: Record<string, unknown>;
      readonly warnings: readonly Issue[];
      readonly pruned: Pruned;
    }
  | { readonly success: false; readonly issues: readonly Issue[] };

type Json = Record<string, unknown>;
type Origin = { readonly local: number } | { readonly inherited: true };

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const idOf = (v: Json): string => (typeof v.id === 'string' ? v.id : '');

const ORDER = [
  '$schema',
  'id',
  'version',
  'dialect',
  'validFrom',
  'validTo',
  'supersedes',
  'changelog',
  'title',
  'description',
  'basis',
  'outcomes',
  'criteria',
  'sections',
  'fields',
  'items',
  'scoring',
  'record',
  'extends',
];

/**
 * Composes a ruleset that extends another (a county's "1+X" self-check menu) into a normal
 * ruleset: the base's sections, fields and items, minus the items in `extends.remove`, plus the
 * ruleset's own, which come after. Scoring, record and outcome labels are the ruleset's own when it
 * has them, else the base's; bases of law and major-hazard criteria are merged.
 *
 * Provenance is kept: the result's `extends.inherited` says which section, field and item came
 * from which `ruleset@version` (everything else is local), and `extends.remove` keeps each removed
 * item with its reason. Inherited fields that only removed items read, and inherited sections
 * left empty, are left out and listed in `pruned`.
 *
 * A ruleset without `extends` (or one already composed) is only parsed. A base may itself extend
 * another. Never throws: issues point into the given file (`extends.remove[0].item`,
 * `items[2].check`).
 *
 * @example
 * const result = composeRuleset(countyJson, { resolve: (id, version) => files[`${id}/${version}.json`] });
 * if (result.success) evaluate(result.ruleset, answers);
 */
export function composeRuleset(json: unknown, options: ComposeOptions): ComposeResult {
  return compose(json, options, []);
}

function compose(json: unknown, options: ComposeOptions, chain: readonly string[]): ComposeResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return parseRuleset(json) as ComposeResult;
    }
  }
  const ext = isObject(value) ? value.extends : undefined;
  if (!isObject(value) || !isObject(ext) || ext.inherited !== undefined) {
    const parsed = parseRuleset(value);
    if (!parsed.success) return parsed;
    return {
      success: true,
      ruleset: parsed.ruleset,
      json: value as Json,
      warnings: parsed.warnings,
      pruned: { fields: [], sections: [] },
    };
  }
  const child = value;
  const problems: Issue[] = [];
  const baseId = ext.ruleset;
  const baseVersion = ext.version;
  for (const [key, v] of [
    ['ruleset', baseId],
    ['version', baseVersion],
  ] as const) {
    if (typeof v !== 'string') {
      problems.push(
        v === undefined
          ? issue('missing_property', ['extends', key], { 'zh-CN': '缺少必填属性', en: 'required property is missing' })
          : issue('invalid_type', ['extends', key], { 'zh-CN': '应为文本', en: 'expected a string' }),
      );
    }
  }
  if (typeof baseId !== 'string' || typeof baseVersion !== 'string') return { success: false, issues: problems };
  const name = `${baseId}@${baseVersion}`;
  const self = `${typeof child.id === 'string' ? child.id : '?'}@${typeof child.version === 'string' ? child.version : '?'}`;
  if (chain.includes(name) || name === self) {
    const loop = [...chain, self, name].join(' → ');
    return {
      success: false,
      issues: [
        issue('extends_cycle', ['extends'], {
          'zh-CN': `规则集循环扩展：${loop}`,
          en: `the rulesets extend each other in a loop: ${loop}`,
        }),
      ],
    };
  }

  let baseJson: unknown;
  try {
    baseJson = options.resolve(baseId, baseVersion);
  } catch {
    baseJson = undefined;
  }
  if (baseJson === undefined || baseJson === null) {
    return {
      success: false,
      issues: [
        issue('unknown_base', ['extends'], {
          'zh-CN': `找不到被扩展的规则集 ${name}（应位于 rulesets/${baseId}/${baseVersion}.json）`,
          en: `the base ruleset ${name} was not found (expected at rulesets/${baseId}/${baseVersion}.json)`,
        }),
      ],
    };
  }
  const composedBase = compose(baseJson, options, [...chain, self]);
  if (!composedBase.success) {
    const nested = composedBase.issues.find((i) => i.code === 'extends_cycle' || i.code === 'unknown_base');
    if (nested) return { success: false, issues: [nested] };
    const errors = composedBase.issues.filter((i) => i.severity === 'error');
    const first = errors
      .slice(0, 3)
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message.en} (${i.code})`)
      .join('; ');
    const firstZh = errors
      .slice(0, 3)
      .map((i) => `${i.path.map(String).join('.') || '(根)'}：${i.message['zh-CN']}（${i.code}）`)
      .join('；');
    return {
      success: false,
      issues: [
        issue('invalid_base', ['extends'], {
          'zh-CN': `被扩展的规则集 ${name} 有 ${errors.length} 处错误：${firstZh}`,
          en: `the base ruleset ${name} has ${errors.length} errors: ${first}`,
        }),
      ],
    };
  }
  const base = composedBase.ruleset;
  if (base.id !== baseId || base.version !== baseVersion) {
    return {
      success: false,
      issues: [
        issue('invalid_base', ['extends'], {
          'zh-CN': `查找 ${name} 得到的是 ${base.id}@${base.version}`,
          en: `looking up ${name} found ${base.id}@${base.version}`,
        }),
      ],
    };
  }
  const baseInherited = base.extends?.inherited;
  const originOf = (kind: 'sections' | 'fields' | 'items', id: string): string => baseInherited?.[kind][id] ?? name;

  // Removed items, each a base item.
  const baseItemIds = new Set(base.items.map((it) => it.id));
  const removed = new Map<string, number>();
  list(ext.remove).forEach((entry, k) => {
    const id = entry.item;
    if (typeof id !== 'string') return;
    if (!baseItemIds.has(id)) {
      problems.push(
        issue('unknown_item', ['extends', 'remove', k, 'item'], {
          'zh-CN': `被扩展的规则集 ${name} 没有检查项“${id}”`,
          en: `the base ruleset ${name} has no item "${id}"`,
        }),
      );
    } else removed.set(id, k);
  });

  // Local entries must not reuse an id of the base: an id never changes meaning.
  const conflicts = (
    key: 'sections' | 'fields' | 'items' | 'criteria',
    baseIds: Set<string>,
    kind: { zh: string; en: string },
  ) => {
    list(child[key]).forEach((entry, j) => {
      const id = idOf(entry);
      if (id && baseIds.has(id)) {
        problems.push(
          issue('compose_conflict', [key, j, 'id'], {
            'zh-CN': `${kind.zh}“${id}”已在被扩展的规则集 ${name} 中定义，本地条目须使用新的 id`,
            en: `the ${kind.en} "${id}" is already defined by the base ${name}; a local entry needs an id of its own`,
          }),
        );
      }
    });
  };
  conflicts('sections', new Set(base.sections.map((s) => s.id)), { zh: '分组', en: 'section' });
  conflicts('fields', new Set(base.fields.map((f) => f.id)), { zh: '字段', en: 'field' });
  conflicts('items', baseItemIds, { zh: '检查项', en: 'item' });
  conflicts('criteria', new Set((base.criteria ?? []).map((c) => c.id)), { zh: '判定标准', en: 'criterion' });

  const ownScoring = child.scoring !== undefined;
  if (!ownScoring && base.scoring) {
    const named = new Set<string>();
    for (const p of base.scoring.projects) for (const rule of p.rules) rule.items?.forEach((id) => named.add(id));
    for (const o of base.scoring.overrides ?? []) o.items?.forEach((id) => named.add(id));
    for (const [id, k] of removed) {
      if (named.has(id)) {
        problems.push(
          issue('removed_item_referenced', ['extends', 'remove', k, 'item'], {
            'zh-CN': `被删除的检查项“${id}”仍被继承的计分规则引用；请在本规则集中给出自己的 scoring`,
            en: `the removed item "${id}" is still named by the inherited scoring; give this ruleset a scoring of its own`,
          }),
        );
      }
    }
  }
  if (problems.length > 0) return { success: false, issues: problems };

  // Assemble: inherited first, local after.
  const origins: Record<string, Origin[]> = {};
  const merge = (key: string, inherited: readonly unknown[]): unknown[] => {
    const local = Array.isArray(child[key]) ? (child[key] as unknown[]) : [];
    origins[key] = [
      ...inherited.map((): Origin => ({ inherited: true })),
      ...local.map((_, j): Origin => ({ local: j })),
    ];
    return [...inherited, ...local];
  };
  const keptItems = base.items.filter((it) => !removed.has(it.id));
  let sections = merge('sections', base.sections) as Json[];
  let fields = merge('fields', base.fields) as Json[];
  const items = merge('items', keptItems) as Json[];
  const scoring = ownScoring ? child.scoring : base.scoring;
  const record = child.record !== undefined ? child.record : base.record;

  // Leave out what only the removed items needed.
  const before = fieldUsage(base);
  const after = fieldUsage({ fields: fields, items, scoring, record } as unknown as UsageSource);
  const inheritedFields = new Set(base.fields.map((f) => f.id));
  const prunedFields = after.dynamic
    ? []
    : base.fields.map((f) => f.id).filter((id) => before.used.has(id) && !after.used.has(id));
  const dropFields = new Set(prunedFields);
  const fieldOrigins = origins.fields!;
  origins.fields = fieldOrigins.filter((_, i) => !dropFields.has(idOf(fields[i]!)));
  fields = fields.filter((f) => !dropFields.has(idOf(f)));

  const prunedSections: string[] = [];
  const occupied = (id: string, live: Json[]): boolean =>
    items.some((it) => it.section === id) ||
    fields.some((f) => f.section === id) ||
    live.some((s) => s.parent === id && idOf(s) !== id);
  const hadContent = (id: string): boolean =>
    base.items.some((it) => it.section === id) ||
    base.fields.some((f) => f.section === id) ||
    base.sections.some((s) => s.parent === id);
  for (let changed = true; changed;) {
    changed = false;
    for (const s of base.sections) {
      if (prunedSections.includes(s.id) || !hadContent(s.id)) continue;
      const live = sections.filter((x) => !prunedSections.includes(idOf(x)));
      if (!occupied(s.id, live)) {
        prunedSections.push(s.id);
        changed = true;
      }
    }
  }
  const dropSections = new Set(prunedSections);
  const sectionOrigins = origins.sections!;
  origins.sections = sectionOrigins.filter((_, i) => !dropSections.has(idOf(sections[i]!)));
  sections = sections.filter((s) => !dropSections.has(idOf(s)));

  const basisSeen = new Set<string>();
  const basis: unknown[] = [];
  origins.basis = [];
  const addBasis = (b: unknown, origin: Origin) => {
    const key = canonical(b);
    if (basisSeen.has(key)) return;
    basisSeen.add(key);
    basis.push(b);
    origins.basis!.push(origin);
  };
  base.basis.forEach((b) => addBasis(b, { inherited: true }));
  (Array.isArray(child.basis) ? child.basis : []).forEach((b, j) => addBasis(b, { local: j }));

  const criteria =
    base.criteria !== undefined || child.criteria !== undefined ? merge('criteria', base.criteria ?? []) : undefined;

  const originMap = (kind: 'sections' | 'fields' | 'items', entries: readonly { id: string }[]) =>
    Object.fromEntries(entries.map((e) => [e.id, originOf(kind, e.id)]));
  const composed: Json = {
    ...child,
    dialect:
      typeof child.dialect === 'number' && child.dialect < base.dialect
        ? base.dialect
        : (child.dialect ?? base.dialect),
    basis,
    outcomes: child.outcomes !== undefined ? child.outcomes : base.outcomes,
    criteria,
    sections,
    fields,
    items,
    scoring,
    record,
    extends: {
      ...ext,
      inherited: {
        sections: originMap(
          'sections',
          base.sections.filter((s) => !dropSections.has(s.id)),
        ),
        fields: originMap(
          'fields',
          base.fields.filter((f) => inheritedFields.has(f.id) && !dropFields.has(f.id)),
        ),
        items: originMap('items', keptItems),
      },
    },
  };
  const ordered: Json = {};
  for (const key of ORDER) if (composed[key] !== undefined) ordered[key] = composed[key];
  for (const key of Object.keys(composed))
    if (!(key in ordered) && composed[key] !== undefined) ordered[key] = composed[key];

  const parsed = parseRuleset(ordered);
  const back = (i: Issue): Issue => ({
    ...i,
    path: toSource(i.path, origins, {
      scoring: ownScoring,
      record: child.record !== undefined,
      outcomes: child.outcomes !== undefined,
    }),
  });
  if (!parsed.success) return { success: false, issues: parsed.issues.map(back) };
  return {
    success: true,
    ruleset: parsed.ruleset,
    json: ordered,
    warnings: parsed.warnings.map(back),
    pruned: { fields: prunedFields, sections: prunedSections },
  };
}

/** Maps a path in the composed ruleset back to the file that was composed. */
function toSource(
  path: readonly PathSegment[],
  origins: Readonly<Record<string, Origin[]>>,
  own: { scoring: boolean; record: boolean; outcomes: boolean },
): PathSegment[] {
  const [head, index, ...rest] = path;
  if (typeof head !== 'string') return [...path];
  if (
    (head === 'scoring' && !own.scoring) ||
    (head === 'record' && !own.record) ||
    (head === 'outcomes' && !own.outcomes)
  )
    return ['extends'];
  const o = origins[head];
  if (!o || typeof index !== 'number') return [...path];
  const origin = o[index];
  if (!origin) return [...path];
  return 'local' in origin ? [head, origin.local, ...rest] : ['extends'];
}
