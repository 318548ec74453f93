import { issue, type Issue, type PathSegment } from '../issues.js';
import type { Field, Ruleset } from '../schema/ruleset.js';
import type { LocalizedText } from '../text.js';
import { same } from './canonical.js';
import { guessRenames } from './renames.js';
import { bumpSatisfies, parseVersion, versionBump, type RequiredBump, type VersionBump } from './semver.js';

/** What part of a ruleset a change is about. */
export type ChangeTarget = 'ruleset' | 'section' | 'field' | 'item' | 'criterion' | 'scoring' | 'record' | 'outcomes';

/**
 * What happened to it: `added`, `removed`, `renamed` (a field or judgment item with a new id and
 * the same label), `reworded` (texts only), `logic` (a rule that decides changed), `changed`
 * (anything else: severity, type, options, points, …).
 */
export type ChangeKind = 'added' | 'removed' | 'renamed' | 'reworded' | 'logic' | 'changed';

/** The least version step a change needs. */
export type ChangeLevel = Exclude<RequiredBump, 'none'>;

/** One difference between two versions of a ruleset. */
export interface RulesetChange {
  readonly target: ChangeTarget;
  readonly kind: ChangeKind;
  /** The id of the section, field, item, criterion or scoring entry, when it has one. */
  readonly id?: string;
  /** The new id, for `renamed`. */
  readonly to?: string;
  /** Where, in the new file (in the old one for what was removed). */
  readonly path: readonly PathSegment[];
  /** The least version step it needs. */
  readonly level: ChangeLevel;
  /** The keys that changed, for `reworded`, `logic` and `changed`. */
  readonly keys?: readonly string[];
  readonly message: LocalizedText;
}

/** The result of {@link diffRulesets}. */
export interface RulesetDiff {
  readonly from: { readonly id: string; readonly version: string };
  readonly to: { readonly id: string; readonly version: string };
  readonly changes: readonly RulesetChange[];
  /** The least version step the changes need (`none` when nothing changed). */
  readonly required: RequiredBump;
  /** How far the version number moved. */
  readonly actual: VersionBump;
  /** Whether it moved far enough. */
  readonly sufficient: boolean;
  /** The smallest version that would be enough, when the actual one is not. */
  readonly suggested?: string;
  /** `insufficient_version_bump`, `ruleset_id_mismatch`. */
  readonly issues: readonly Issue[];
}

const RANK: Record<RequiredBump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

const TARGET: Record<ChangeTarget, LocalizedText> = {
  ruleset: { 'zh-CN': '规则集', en: 'ruleset' },
  section: { 'zh-CN': '分组', en: 'section' },
  field: { 'zh-CN': '字段', en: 'field' },
  item: { 'zh-CN': '检查项', en: 'item' },
  criterion: { 'zh-CN': '重大隐患判定标准', en: 'criterion' },
  scoring: { 'zh-CN': '计分', en: 'scoring' },
  record: { 'zh-CN': '记录', en: 'record' },
  outcomes: { 'zh-CN': '结论标签', en: 'outcome labels' },
};

const LEVEL: Record<RequiredBump, LocalizedText> = {
  major: { 'zh-CN': '主版本号', en: 'major' },
  minor: { 'zh-CN': '次版本号', en: 'minor' },
  patch: { 'zh-CN': '修订号', en: 'patch' },
  none: { 'zh-CN': '不变', en: 'none' },
};

/**
 * Compares two versions of a ruleset: sections, fields, items, criteria, scoring, record and
 * labels added, removed, renamed, reworded or changed, each with the least version step it needs,
 * and whether the version number moved far enough.
 *
 * The rules: a removed or renamed field, item, section, criterion or band, a field whose type or
 * unit changed, a removed option, a higher dialect: **major** (saved answers or references break).
 * An added item or required field, a changed check or `appliesWhen`, severity, option list,
 * constraint or scoring: **minor**. Texts, legal bases, provenance, dates, an optional field: **patch**.
 * Below 1.0.0 a minor step counts as major, a patch step as minor (see {@link versionBump}).
 *
 * @example
 * const d = diffRulesets(v1, v2);
 * if (!d.sufficient) console.log(`needs a ${d.required} version: ${d.suggested}`);
 */
export function diffRulesets(from: Ruleset, to: Ruleset): RulesetDiff {
  const changes: RulesetChange[] = [];
  const add = (
    target: ChangeTarget,
    kind: ChangeKind,
    level: ChangeLevel,
    path: readonly PathSegment[],
    extra: { id?: string; to?: string; keys?: readonly string[] } = {},
  ): void => {
    changes.push({ target, kind, ...extra, path, level, message: describe(target, kind, extra) });
  };

  // Ruleset metadata.
  const meta: string[] = [];
  for (const key of ['title', 'description', 'basis', 'validFrom', 'validTo'] as const) {
    if (!same(from[key], to[key])) meta.push(key);
  }
  if (meta.length > 0) add('ruleset', 'changed', 'patch', [meta[0]!], { keys: meta });
  if (to.dialect > from.dialect) add('ruleset', 'changed', 'major', ['dialect'], { keys: ['dialect'] });
  if (!same(from.outcomes, to.outcomes)) add('outcomes', 'reworded', 'patch', ['outcomes']);

  // Sections.
  matchById(from.sections, to.sections, {
    added: (s, i) => add('section', 'added', 'patch', ['sections', i], { id: s.id }),
    removed: (s, i) => add('section', 'removed', 'major', ['sections', i], { id: s.id }),
    both: (a, b, i) => {
      const keys = changedKeys(a, b, ['title', 'description', 'parent']);
      if (keys.length > 0) add('section', 'reworded', 'patch', ['sections', i, keys[0]!], { id: b.id, keys });
    },
  });

  // Fields, with renames.
  const renames = guessRenames(from, to);
  const renamedTo = new Set(renames.fields.values());
  matchById(from.fields, to.fields, {
    added: (f, i) => {
      if (renamedTo.has(f.id)) return;
      add('field', 'added', f.required ? 'minor' : 'patch', ['fields', i], { id: f.id });
    },
    removed: (f, i) => {
      const renamed = renames.fields.get(f.id);
      if (renamed !== undefined) add('field', 'renamed', 'major', ['fields', i], { id: f.id, to: renamed });
      else add('field', 'removed', 'major', ['fields', i], { id: f.id });
    },
    both: (a, b, i) => diffField(a, b, ['fields', i], add),
  });

  // Items.
  const renamedItems = new Set(renames.items.values());
  matchById(from.items, to.items, {
    added: (it, i) => !renamedItems.has(it.id) && add('item', 'added', 'minor', ['items', i], { id: it.id }),
    removed: (it, i) => {
      const renamed = renames.items.get(it.id);
      if (renamed !== undefined) add('item', 'renamed', 'major', ['items', i], { id: it.id, to: renamed });
      else add('item', 'removed', 'major', ['items', i], { id: it.id });
    },
    both: (a, b, i) => {
      const at = ['items', i];
      const logic = changedKeys(a, b, ['appliesWhen', 'check', 'judgment']);
      if (logic.length > 0) add('item', 'logic', 'minor', [...at, logic[0]!], { id: b.id, keys: logic });
      const decisive = changedKeys(a, b, ['severity', 'majorHazard']);
      if (decisive.length > 0) add('item', 'changed', 'minor', [...at, decisive[0]!], { id: b.id, keys: decisive });
      const words = changedKeys(a, b, ['title', 'description', 'guidance', 'explain']);
      if (words.length > 0) add('item', 'reworded', 'patch', [...at, words[0]!], { id: b.id, keys: words });
      const other = changedKeys(a, b, ['section', 'basis', 'provenance', 'tags']);
      if (other.length > 0) add('item', 'changed', 'patch', [...at, other[0]!], { id: b.id, keys: other });
    },
  });

  // Major-hazard criteria.
  matchById(from.criteria ?? [], to.criteria ?? [], {
    added: (c, i) => add('criterion', 'added', 'minor', ['criteria', i], { id: c.id }),
    removed: (c, i) => add('criterion', 'removed', 'major', ['criteria', i], { id: c.id }),
    both: (a, b, i) => {
      const keys = changedKeys(a, b, ['title', 'basis']);
      if (keys.length > 0) add('criterion', 'reworded', 'patch', ['criteria', i], { id: b.id, keys });
    },
  });

  diffScoring(from, to, add);

  // Record.
  if (!same(from.record?.fields, to.record?.fields))
    add('record', 'changed', 'minor', ['record'], { keys: ['fields'] });
  else if (!same(from.record?.retention, to.record?.retention))
    add('record', 'reworded', 'patch', ['record'], { keys: ['retention'] });

  const required = changes.reduce<RequiredBump>((m, c) => (RANK[c.level] > RANK[m] ? c.level : m), 'none');
  const actual = versionBump(from.version, to.version);
  const issues: Issue[] = [];
  if (from.id !== to.id) {
    issues.push(
      issue('ruleset_id_mismatch', ['id'], {
        'zh-CN': `比较的是两个不同的规则集：“${from.id}”与“${to.id}”`,
        en: `these are two different rulesets: "${from.id}" and "${to.id}"`,
      }),
    );
  }
  const sufficient = bumpSatisfies(actual, required);
  const suggested = sufficient ? undefined : nextVersion(from.version, required);
  if (!sufficient) {
    const need = required === 'none' ? LEVEL.patch : LEVEL[required];
    const why =
      actual === 'downgrade'
        ? { 'zh-CN': '新版本号低于旧版本号', en: 'the new version is lower than the old one' }
        : actual === 'none'
          ? { 'zh-CN': '版本号没有改变', en: 'the version did not change' }
          : {
              'zh-CN': `只升级了${LEVEL[actual === 'prerelease' ? 'patch' : actual]['zh-CN']}`,
              en: `only a ${actual} step`,
            };
    issues.push(
      issue('insufficient_version_bump', ['version'], {
        'zh-CN': `版本 ${from.version} → ${to.version}：${why['zh-CN']}，而这些变更至少需要升级${need['zh-CN']}${suggested ? `（例如 ${suggested}）` : ''}`,
        en: `version ${from.version} → ${to.version}: ${why.en}, but the changes need at least a ${need.en} step${suggested ? ` (e.g. ${suggested})` : ''}`,
      }),
    );
  }
  return {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    changes,
    required,
    actual,
    sufficient,
    ...(suggested !== undefined ? { suggested } : {}),
    issues,
  };
}

/** The smallest version after `version` that makes a step of `level`. */
function nextVersion(version: string, level: RequiredBump): string | undefined {
  const v = parseVersion(version);
  if (!v) return undefined;
  const step = level === 'none' ? 'patch' : level;
  if (v.major === 0) {
    return step === 'major' ? `0.${v.minor + 1}.0` : `0.${v.minor}.${v.patch + 1}`;
  }
  if (step === 'major') return `${v.major + 1}.0.0`;
  if (step === 'minor') return `${v.major}.${v.minor + 1}.0`;
  return v.prerelease.length > 0 ? `${v.major}.${v.minor}.${v.patch}` : `${v.major}.${v.minor}.${v.patch + 1}`;
}

type Add = (
  target: ChangeTarget,
  kind: ChangeKind,
  level: ChangeLevel,
  path: readonly PathSegment[],
  extra?: { id?: string; to?: string; keys?: readonly string[] },
) => void;

function matchById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  on: { added(b: T, i: number): void; removed(a: T, i: number): void; both(a: T, b: T, i: number): void },
): void {
  const old = new Map(before.map((x, i) => [x.id, { x, i }]));
  const now = new Set(after.map((x) => x.id));
  before.forEach((a, i) => !now.has(a.id) && on.removed(a, i));
  after.forEach((b, i) => {
    const a = old.get(b.id);
    if (a) on.both(a.x, b, i);
    else on.added(b, i);
  });
}

function changedKeys<T extends object>(a: T, b: T, keys: readonly string[]): string[] {
  return keys.filter((k) => !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function diffField(a: Field, b: Field, at: PathSegment[], add: Add): void {
  const id = b.id;
  if (a.type !== b.type) return add('field', 'changed', 'major', [...at, 'type'], { id, keys: ['type'] });
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (x.unit !== y.unit) add('field', 'changed', 'major', [...at, 'unit'], { id, keys: ['unit'] });
  const options = (f: Record<string, unknown>) =>
    Array.isArray(f.options) ? (f.options as { value: string }[]).map((o) => o.value) : null;
  const before = options(x);
  const after = options(y);
  if (before || after) {
    if (before && (!after || before.some((v) => !after.includes(v)))) {
      add('field', 'changed', 'major', [...at, 'options'], { id, keys: ['options'] });
    } else if (!before || after!.some((v) => !before.includes(v))) {
      add('field', 'changed', 'minor', [...at, 'options'], { id, keys: ['options'] });
    } else if (!same(x.options, y.options))
      add('field', 'reworded', 'patch', [...at, 'options'], { id, keys: ['options'] });
  }
  const tighter: string[] = [];
  const looser: string[] = [];
  const bound = (key: 'min' | 'max', up: boolean) => {
    const p = x[key] as number | undefined;
    const q = y[key] as number | undefined;
    if (p === q) return;
    if (q !== undefined && (p === undefined || (up ? q > p : q < p))) tighter.push(key);
    else looser.push(key);
  };
  bound('min', true);
  bound('max', false);
  if (x.integer !== y.integer) (y.integer ? tighter : looser).push('integer');
  const maxLength = (f: Record<string, unknown>) => (f.maxLength as number | undefined) ?? Infinity;
  if (maxLength(x) !== maxLength(y)) (maxLength(y) < maxLength(x) ? tighter : looser).push('maxLength');
  if (x.pattern !== y.pattern) tighter.push('pattern');
  if (a.required !== b.required) (b.required ? tighter : looser).push('required');
  if (!same(a.appliesWhen, b.appliesWhen)) tighter.push('appliesWhen');
  if (tighter.length > 0) add('field', 'changed', 'minor', [...at, tighter[0]!], { id, keys: tighter });
  if (looser.length > 0) add('field', 'changed', 'patch', [...at, looser[0]!], { id, keys: looser });
  const words = changedKeys(a, b, ['label', 'help']);
  if (words.length > 0) add('field', 'reworded', 'patch', [...at, words[0]!], { id, keys: words });
  if (a.section !== b.section) add('field', 'changed', 'patch', [...at, 'section'], { id, keys: ['section'] });
}

function diffScoring(from: Ruleset, to: Ruleset, add: Add): void {
  const a = from.scoring;
  const b = to.scoring;
  if (!a && !b) return;
  if (!a) return add('scoring', 'added', 'minor', ['scoring']);
  if (!b) return add('scoring', 'removed', 'major', ['scoring']);
  const top = changedKeys(a, b, ['start', 'min', 'max', 'bonusPolicy']);
  if (top.length > 0) add('scoring', 'changed', 'minor', ['scoring', top[0]!], { keys: top });
  matchById(a.projects, b.projects, {
    added: (p, i) => add('scoring', 'added', 'minor', ['scoring', 'projects', i], { id: p.id }),
    removed: (p, i) => add('scoring', 'removed', 'minor', ['scoring', 'projects', i], { id: p.id }),
    both: (p, q, i) => {
      const at = ['scoring', 'projects', i];
      if (p.cap !== q.cap) add('scoring', 'changed', 'minor', [...at, 'cap'], { id: q.id, keys: ['cap'] });
      if (!same(p.title, q.title)) add('scoring', 'reworded', 'patch', [...at, 'title'], { id: q.id, keys: ['title'] });
      matchById(p.rules, q.rules, {
        added: (r, j) => add('scoring', 'added', 'minor', [...at, 'rules', j], { id: r.id }),
        removed: (r, j) => add('scoring', 'removed', 'minor', [...at, 'rules', j], { id: r.id }),
        both: (r, s, j) => {
          const keys = changedKeys(r, s, ['effect', 'points', 'when', 'count', 'items', 'itemStatus', 'cap']);
          if (keys.length > 0) add('scoring', 'logic', 'minor', [...at, 'rules', j, keys[0]!], { id: s.id, keys });
          const words = changedKeys(r, s, ['title', 'basis']);
          if (words.length > 0) add('scoring', 'reworded', 'patch', [...at, 'rules', j], { id: s.id, keys: words });
        },
      });
    },
  });
  matchById(a.bands, b.bands, {
    added: (x, i) => add('scoring', 'added', 'minor', ['scoring', 'bands', i], { id: x.id }),
    removed: (x, i) => add('scoring', 'removed', 'major', ['scoring', 'bands', i], { id: x.id }),
    both: (x, y, i) => {
      if (x.min !== y.min)
        add('scoring', 'changed', 'minor', ['scoring', 'bands', i, 'min'], { id: y.id, keys: ['min'] });
      const words = changedKeys(x, y, ['label', 'color']);
      if (words.length > 0) add('scoring', 'reworded', 'patch', ['scoring', 'bands', i], { id: y.id, keys: words });
    },
  });
  matchById(a.overrides ?? [], b.overrides ?? [], {
    added: (x, i) => add('scoring', 'added', 'minor', ['scoring', 'overrides', i], { id: x.id }),
    removed: (x, i) => add('scoring', 'removed', 'minor', ['scoring', 'overrides', i], { id: x.id }),
    both: (x, y, i) => {
      const keys = changedKeys(x, y, ['band', 'when', 'items']);
      if (keys.length > 0) add('scoring', 'logic', 'minor', ['scoring', 'overrides', i, keys[0]!], { id: y.id, keys });
      const words = changedKeys(x, y, ['title', 'basis']);
      if (words.length > 0) add('scoring', 'reworded', 'patch', ['scoring', 'overrides', i], { id: y.id, keys: words });
    },
  });
}

function describe(
  target: ChangeTarget,
  kind: ChangeKind,
  extra: { id?: string; to?: string; keys?: readonly string[] },
) {
  const what = TARGET[target];
  const name = (l: 'zh-CN' | 'en') =>
    extra.id === undefined ? what[l] : l === 'zh-CN' ? `${what[l]}“${extra.id}”` : `${what[l]} "${extra.id}"`;
  const keys = extra.keys?.join(', ') ?? '';
  switch (kind) {
    case 'added':
      return { 'zh-CN': `新增${name('zh-CN')}`, en: `${name('en')} added` };
    case 'removed':
      return { 'zh-CN': `删除${name('zh-CN')}`, en: `${name('en')} removed` };
    case 'renamed':
      return {
        'zh-CN': `${name('zh-CN')}改名为“${extra.to}”（名称相同，按改名处理）`,
        en: `${name('en')} renamed to "${extra.to}" (same label, taken as a rename)`,
      };
    case 'reworded':
      return { 'zh-CN': `${name('zh-CN')}的文字修改：${keys}`, en: `${name('en')} reworded: ${keys}` };
    case 'logic':
      return { 'zh-CN': `${name('zh-CN')}的判定规则修改：${keys}`, en: `${name('en')}: rule changed: ${keys}` };
    case 'changed':
      return { 'zh-CN': `${name('zh-CN')}修改：${keys}`, en: `${name('en')} changed: ${keys}` };
  }
}
