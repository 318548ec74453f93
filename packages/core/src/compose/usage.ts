import { analyzeLogic } from '../engine/analyze.js';
import type { Ruleset } from '../schema/ruleset.js';

/** The parts of a ruleset that can read fields. Loose, so that it works on JSON not yet parsed. */
export type UsageSource = Pick<Ruleset, 'fields' | 'items'> & Partial<Pick<Ruleset, 'scoring' | 'record'>>;

/** Which fields a ruleset uses. */
export interface FieldUsage {
  /** Field ids read by a rule, named in an explanation or kept in the record. */
  readonly used: ReadonlySet<string>;
  /** True when a rule reads a path computed at run time: then any field may be read. */
  readonly dynamic: boolean;
}

const PLACEHOLDER = /\{([A-Za-z_$][\w.$]*)\}/g;

/**
 * The fields a ruleset uses: read by the rules of its items, explanations and scoring,
 * named by an explanation's `{field}`, kept by `record`, or read by the `appliesWhen` of a field
 * that is itself used (a question that only opens another question counts when the other does).
 */
export function fieldUsage(r: UsageSource): FieldUsage {
  const ids = r.fields.map((f) => f.id);
  const known = new Set(ids);
  const used = new Set<string>();
  let dynamic = false;
  const mark = (path: string): void => {
    if (known.has(path)) return void used.add(path);
    const prefix = `${path}.`;
    let group = false;
    for (const id of ids) {
      if (id.startsWith(prefix)) {
        used.add(id);
        group = true;
      }
    }
    if (group) return;
    const parts = path.split('.');
    for (let i = parts.length - 1; i > 0; i--) {
      const id = parts.slice(0, i).join('.');
      if (known.has(id)) return void used.add(id);
    }
  };
  const read = (rule: unknown): void => {
    if (rule === undefined) return;
    const a = analyzeLogic(rule);
    a.vars.forEach(mark);
    dynamic ||= a.dynamic;
  };
  for (const it of r.items) {
    read(it.appliesWhen);
    read(it.check);
    for (const e of it.explain ?? []) {
      read(e.when);
      const values = e.values ?? {};
      for (const rule of Object.values(values)) read(rule);
      for (const text of [e.text['zh-CN'], e.text.en]) {
        for (const m of text.matchAll(PLACEHOLDER)) if (!Object.hasOwn(values, m[1]!)) mark(m[1]!);
      }
    }
  }
  for (const p of r.scoring?.projects ?? []) {
    for (const rule of p.rules) {
      read(rule.when);
      read(rule.count);
    }
  }
  for (const o of r.scoring?.overrides ?? []) read(o.when);
  for (const id of r.record?.fields ?? []) mark(id);

  // A used field's appliesWhen uses the fields it reads, until nothing new is found.
  const gates = new Map(r.fields.map((f) => [f.id, f.appliesWhen]));
  const done = new Set<string>();
  for (let again = true; again;) {
    again = false;
    for (const id of [...used]) {
      if (done.has(id)) continue;
      done.add(id);
      const before = used.size;
      read(gates.get(id));
      if (used.size !== before) again = true;
    }
  }
  return { used, dynamic };
}
