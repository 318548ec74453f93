import { issue, type Issue } from '../issues.js';
import { daysBetween, isDate } from './dates.js';
import { FINDING_STATUSES, type Finding, type FindingStatus } from './types.js';

/** Counts of a group of findings, on a date. */
export interface FindingCounts {
  /** All findings of the group. */
  readonly total: number;
  /** Not yet closed, whatever their status (open, assigned, rectified or verified). */
  readonly open: number;
  /** Overdue on the date (see {@link isOverdue}). */
  readonly overdue: number;
  /** Closed (销号). */
  readonly closed: number;
}

/** An overdue finding and by how many days. */
export interface OverdueFinding {
  readonly finding: Finding;
  /** Days past the due date on the summary's date (1 the day after the due date). */
  readonly days: number;
}

/** What a dashboard shows of a set of findings, on a date: {@link summarizeFindings}. */
export interface FindingSummary {
  /** The date the summary is computed against. */
  readonly date: string;
  /** Counts of all findings. */
  readonly all: FindingCounts;
  /** Counts by status. */
  readonly byStatus: Readonly<Record<FindingStatus, FindingCounts>>;
  /** Counts by severity (major hazards count under their item's severity, and again in `majorHazards`). */
  readonly bySeverity: { readonly general: FindingCounts; readonly major: FindingCounts };
  /** Counts of findings that meet a major-hazard criterion. */
  readonly majorHazards: FindingCounts;
  /** Counts by enterprise id (each an own key, `__proto__` included), with the enterprise's name. */
  readonly byEnterprise: Readonly<Record<string, FindingCounts & { readonly name: string }>>;
  /** The overdue findings, most days overdue first (major hazards first among equals). */
  readonly overdue: readonly OverdueFinding[];
  /** A date that is not one (`invalid_evaluation_date`): then nothing is counted overdue. */
  readonly issues: readonly Issue[];
}

/**
 * Days a finding is overdue on a date: past its due date while nobody has reported it rectified
 * (status `open` or `assigned`: a failed verification or a reopening brings it back). The due date
 * itself is not overdue. 0 when it is not overdue, has no due date, or the date is not a date.
 */
export function daysOverdue(finding: Finding, date: string): number {
  if (finding.status !== 'open' && finding.status !== 'assigned') return 0;
  if (finding.due === undefined || !isDate(date) || !isDate(finding.due)) return 0;
  return Math.max(0, daysBetween(finding.due, date));
}

/**
 * Whether a finding is overdue on a date (`YYYY-MM-DD`, given by the host: never the clock):
 * see {@link daysOverdue}.
 *
 * @example
 * isOverdue({ ...finding, status: 'assigned', due: '2026-03-31' }, '2026-04-01'); // true
 */
export function isOverdue(finding: Finding, date: string): boolean {
  return daysOverdue(finding, date) > 0;
}

type Counts = { total: number; open: number; overdue: number; closed: number };

const zero = (): Counts => ({
  total: 0,
  open: 0,
  overdue: 0,
  closed: 0,
});

/**
 * Counts findings for a dashboard on a date: open (not yet closed), overdue and closed, in all
 * and by status, severity, major hazard and enterprise, with the list of overdue findings.
 *
 * @param date The date to compute against (`YYYY-MM-DD`), given by the host.
 * @example
 * const s = summarizeFindings(findings, '2026-04-01');
 * s.all; // { total: 7, open: 5, overdue: 2, closed: 2 }
 * s.overdue.map((o) => `${o.finding.enterprise.name}: ${o.days} days`);
 */
export function summarizeFindings(findings: readonly Finding[], date: string): FindingSummary {
  const issues: Issue[] = [];
  if (!isDate(date)) {
    issues.push(
      issue('invalid_evaluation_date', ['date'], {
        'zh-CN': `统计日期“${String(date)}”不是 YYYY-MM-DD 格式的日期`,
        en: `the date "${String(date)}" is not a date YYYY-MM-DD`,
      }),
    );
  }
  const all = zero();
  // Maps while counting: a status, severity or enterprise id from stored data is only ever a key,
  // so `__proto__` or `toString` never reaches a prototype.
  const byStatus = new Map(FINDING_STATUSES.map((s) => [s as string, zero()]));
  const bySeverity = new Map<string, Counts>([
    ['general', zero()],
    ['major', zero()],
  ]);
  const majorHazards = zero();
  const byEnterprise = new Map<string, Counts & { name: string }>();
  const overdue: OverdueFinding[] = [];
  for (const finding of findings) {
    const days = daysOverdue(finding, date);
    const closed = finding.status === 'closed';
    const groups = [all, byStatus.get(finding.status), bySeverity.get(finding.severity)];
    if (finding.majorHazard) groups.push(majorHazards);
    const enterprise = byEnterprise.get(finding.enterprise.id) ?? { name: finding.enterprise.name, ...zero() };
    byEnterprise.set(finding.enterprise.id, enterprise);
    groups.push(enterprise);
    for (const g of groups) {
      if (!g) continue;
      g.total++;
      if (closed) g.closed++;
      else g.open++;
      if (days > 0) g.overdue++;
    }
    if (days > 0) overdue.push({ finding, days });
  }
  overdue.sort(
    (a, b) =>
      b.days - a.days ||
      Number(Boolean(b.finding.majorHazard)) - Number(Boolean(a.finding.majorHazard)) ||
      (a.finding.id < b.finding.id ? -1 : a.finding.id > b.finding.id ? 1 : 0),
  );
  return {
    date,
    all,
    byStatus: Object.fromEntries(byStatus) as Record<FindingStatus, Counts>,
    bySeverity: { general: bySeverity.get('general')!, major: bySeverity.get('major')! },
    majorHazards,
    // Object.fromEntries defines own keys: `__proto__` stays an enterprise, not the prototype.
    byEnterprise: Object.fromEntries(byEnterprise),
    overdue,
    issues,
  };
}
