import type { Band, Ruleset, Scoring } from '../schema/ruleset.js';
import type { Condition } from '../engine/explain.js';
import { joinTexts, type LocalizedText } from '../text.js';
import type { ItemStatus } from '../report/types.js';

/** A deduction or bonus that applied, with its reason and count. */
export interface ScoreLine {
  readonly rule: string;
  readonly title: LocalizedText;
  readonly effect: 'deduct' | 'bonus';
  /** Points per occurrence. */
  readonly points: number;
  readonly count: number;
  /** Points counted, after the rule's own cap. */
  readonly total: number;
  /** The items that triggered it, for item-bound rules. */
  readonly items?: readonly string[];
}

/** A project's part of the score. */
export interface ProjectScore {
  readonly project: string;
  readonly title: LocalizedText;
  readonly cap: number | null;
  /** Deductions before the cap. */
  readonly deductedRaw: number;
  /** Deductions counted (at most the cap). */
  readonly deducted: number;
  readonly bonus: number;
  /** Whether the cap cut the deductions. */
  readonly capped: boolean;
  readonly lines: readonly ScoreLine[];
}

/** An override that fired. */
export interface FiredOverride {
  readonly override: string;
  readonly title: LocalizedText;
  readonly band: string;
  /** The override's items that failed, when it names items. */
  readonly items?: readonly string[];
  /** Why its `when` held, when it did: the conditions that held, with the values read. */
  readonly explanation?: { readonly text: LocalizedText; readonly conditions: readonly Condition[] };
}

/** The score of a graded ruleset. */
export interface ScoreResult {
  readonly start: number;
  readonly score: number;
  /** The band the score alone reaches. */
  readonly scoreBand: Pick<Band, 'id' | 'label' | 'color'>;
  /** The band given: the score's, unless an override forced another. */
  readonly band: Pick<Band, 'id' | 'label' | 'color'>;
  readonly overrides: readonly FiredOverride[];
  readonly projects: readonly ProjectScore[];
  readonly deductions: number;
  readonly bonuses: number;
  /** False when a rule needed inputs that are missing: the score may change when they come. */
  readonly complete: boolean;
  /** The inputs (field ids, or ids of incomplete items) the scoring needed and did not get. */
  readonly missing: readonly string[];
}

/** @internal How scoring reads the evaluation: a rule's value and the inputs it missed. */
export interface ScoringInputs {
  run(rule: unknown): { value: unknown; missing: readonly string[] };
  status(item: string): ItemStatus | undefined;
  /** The conditions that made a rule hold. */
  held(rule: unknown): readonly Condition[];
}

// Points are summed as integers of thousandths: 3 × 0.1 is 0.3, not 0.30000000000000004.
const SCALE = 1000;
const milli = (x: number): number => Math.round(x * SCALE);
const points = (m: number): number => m / SCALE;

/** @internal Computes the score, band and overrides of a ruleset's scoring block. */
export function computeScore(scoring: Scoring, inputs: ScoringInputs): ScoreResult {
  const missing = new Set<string>();
  const holds = (rule: unknown): boolean => {
    if (rule === undefined) return true;
    const r = inputs.run(rule);
    for (const m of r.missing) missing.add(m);
    return !!r.value && !(Array.isArray(r.value) && r.value.length === 0);
  };

  let deductM = 0;
  let bonusM = 0;
  const projects: ProjectScore[] = scoring.projects.map((project) => {
    const lines: ScoreLine[] = [];
    let rawDeduct = 0;
    let bonus = 0;
    for (const rule of project.rules) {
      if (!holds(rule.when)) continue;
      let count = 1;
      let items: string[] | undefined;
      if (rule.items) {
        items = rule.items.filter((id) => inputs.status(id) === rule.itemStatus);
        // An unanswered item may still count: the score is not final until it is answered.
        rule.items.forEach((id) => inputs.status(id) === 'incomplete' && missing.add(id));
        count = items.length;
      }
      if (rule.count !== undefined) {
        const r = inputs.run(rule.count);
        for (const m of r.missing) missing.add(m);
        const n = Number(r.value);
        count *= Number.isFinite(n) && n > 0 ? n : 0;
      }
      if (count === 0) continue;
      let total = milli(milli(rule.points) * count) / SCALE;
      if (rule.cap !== undefined) total = Math.min(total, milli(rule.cap));
      if (rule.effect === 'deduct') rawDeduct += total;
      else bonus += total;
      lines.push({
        rule: rule.id,
        title: rule.title,
        effect: rule.effect,
        points: rule.points,
        count,
        total: points(total),
        ...(items ? { items } : {}),
      });
    }
    let deducted = project.cap === null ? rawDeduct : Math.min(rawDeduct, milli(project.cap));
    let counted = bonus;
    if (scoring.bonusPolicy === 'within_project') {
      counted = Math.min(bonus, deducted);
      deducted -= counted;
      counted = 0;
    }
    deductM += deducted;
    bonusM += counted;
    return {
      project: project.id,
      title: project.title,
      cap: project.cap,
      deductedRaw: points(rawDeduct),
      deducted: points(scoring.bonusPolicy === 'within_project' ? deducted : deducted),
      bonus: points(bonus),
      capped: project.cap !== null && rawDeduct > milli(project.cap),
      lines,
    };
  });

  const max = milli(scoring.max ?? scoring.start);
  let total = milli(scoring.start) - deductM;
  if (scoring.bonusPolicy === 'total_capped') total = Math.min(total + bonusM, Math.max(max, total));
  else total += bonusM;
  total = Math.max(total, milli(scoring.min));
  const score = points(total);

  const bandOf = (s: number): Band => scoring.bands.find((b) => s >= b.min) ?? scoring.bands[scoring.bands.length - 1]!;
  const scoreBand = bandOf(score);
  const fired: FiredOverride[] = [];
  for (const o of scoring.overrides ?? []) {
    // Fires when its rule holds or any of its items fails.
    const items = o.items?.filter((id) => inputs.status(id) === 'fail');
    o.items?.forEach((id) => inputs.status(id) === 'incomplete' && missing.add(id));
    const byRule = o.when !== undefined && holds(o.when);
    if (!byRule && !items?.length) continue;
    const conditions = byRule ? inputs.held(o.when) : [];
    fired.push({
      override: o.id,
      title: o.title,
      band: o.band,
      ...(items?.length ? { items } : {}),
      ...(conditions.length > 0 ? { explanation: { text: joinTexts(conditions.map((c) => c.text)), conditions } } : {}),
    });
  }
  // Of several overrides, the one forcing the band of highest risk (last in the list) wins.
  const bandIndex = (id: string): number => scoring.bands.findIndex((b) => b.id === id);
  let band: Band = scoreBand;
  for (const f of fired) if (bandIndex(f.band) > bandIndex(band.id)) band = scoring.bands[bandIndex(f.band)]!;
  const pick = (b: Band) => ({ id: b.id, label: b.label, color: b.color });
  return {
    start: scoring.start,
    score,
    scoreBand: pick(scoreBand),
    band: pick(band),
    overrides: fired,
    projects,
    deductions: points(deductM),
    bonuses: points(bonusM),
    complete: missing.size === 0,
    missing: [...missing].sort(),
  };
}

/** @internal Whether a ruleset is graded. */
export function isScored(ruleset: Ruleset): ruleset is Ruleset & { scoring: Scoring } {
  return ruleset.scoring !== undefined;
}
