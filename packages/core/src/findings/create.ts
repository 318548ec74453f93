import { issue, type Issue } from '../issues.js';
import type { Report } from '../report/types.js';
import { addDays } from './dates.js';
import { DEFAULT_FINDING_POLICY, trackingLevel } from './policy.js';
import { beforeFinding, checkDate, requireText, text, WORDS } from './refusals.js';
import type { Finding, FindingPolicy, FoundEvent, TrackingLevel } from './types.js';

/** Who and what an inspection was about, for {@link findingsFromReport}. */
export interface FindingsOptions {
  /** The enterprise inspected. */
  readonly enterprise: { readonly id: string; readonly name: string };
  /** The inspector who found the hazards. */
  readonly inspector: string;
  /** The date found (`YYYY-MM-DD`). Default: the report's evaluation date. */
  readonly found?: string;
  /** When the findings are recorded (ISO date or date-time; the `found` events' time). Default: `found`. */
  readonly at?: string;
  /**
   * The inspection's id, unique for the host (a record number). Finding ids are
   * `<inspection>/<item id>`. Default: `<enterprise id>:<ruleset id>@<version>:<found>`, which two
   * inspections of one enterprise with one ruleset on one day share: give one.
   */
  readonly inspection?: string;
  /** How findings are followed. Default {@link DEFAULT_FINDING_POLICY}. */
  readonly policy?: FindingPolicy;
}

/** The result of {@link findingsFromReport}. */
export type FindingsResult =
  | { readonly ok: true; readonly findings: readonly Finding[]; readonly events: readonly FoundEvent[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

const LEVELS: readonly TrackingLevel[] = ['general', 'major', 'majorHazard'];

// Ten years, leap days included: real rectification periods are days or months, so a longer one
// is a slip (a date or a timestamp typed as days), and the bound keeps due dates in the calendar.
const MAX_DUE_DAYS = 3660;

function checkPolicy(issues: Issue[], policy: unknown): void {
  for (const level of LEVELS) {
    const rule = (policy as Record<string, unknown> | null | undefined)?.[level] as Record<string, unknown> | undefined;
    const days = rule?.dueDays;
    if (days !== null && !(typeof days === 'number' && Number.isInteger(days) && days >= 0)) {
      issues.push(
        issue('invalid_value', ['policy', level, 'dueDays'], {
          'zh-CN': `整改期限天数应为非负整数或 null（逐项确定），而不是 ${JSON.stringify(days) ?? 'undefined'}`,
          en: `dueDays must be a whole number of days, or null (set one by one), not ${JSON.stringify(days) ?? 'undefined'}`,
        }),
      );
    } else if (days !== null && days > MAX_DUE_DAYS) {
      issues.push(
        issue('too_big', ['policy', level, 'dueDays'], {
          'zh-CN': `整改期限天数 ${days} 超过上限 ${MAX_DUE_DAYS} 天（十年）`,
          en: `dueDays ${days} is more than ${MAX_DUE_DAYS} days (ten years)`,
        }),
      );
    }
    if (typeof rule?.namedVerifier !== 'boolean') {
      issues.push(
        issue('invalid_value', ['policy', level, 'namedVerifier'], {
          'zh-CN': '是否须指定验证人（namedVerifier）应为 true 或 false',
          en: 'namedVerifier must be true or false',
        }),
      );
    }
  }
}

/**
 * Makes a finding of every failed item of a report, each in status `open` with its `found`
 * event. Major hazards come first, then major items, then general ones, in report order within
 * each. A general finding gets its due date from the policy now, so that it is overdue even if
 * nobody is assigned; an individually tracked one gets it when it is assigned.
 *
 * Refuses (with issues, never by throwing) a missing enterprise, inspector or date, a date that
 * is not one, a policy that is not one (`dueDays` over 3660 days is `too_big`), and a date found so
 * late that a due date would pass 9999-12-31 (`too_big`).
 *
 * @example
 * const made = findingsFromReport(report, { enterprise: { id: '91330100MA', name: '某危化品公司' }, inspector: '王五' });
 * if (made.ok) store.save(made.findings, made.events);
 */
export function findingsFromReport(report: Report, options: FindingsOptions): FindingsResult {
  const issues: Issue[] = [];
  requireText(issues, options.enterprise?.id, ['enterprise', 'id'], WORDS.enterpriseId);
  requireText(issues, options.enterprise?.name, ['enterprise', 'name'], WORDS.enterpriseName);
  requireText(issues, options.inspector, ['inspector'], WORDS.inspector);
  const found = checkDate(issues, options.found ?? report.date ?? undefined, ['found'], WORDS.found, false);
  const atDay = options.at === undefined ? found : checkDate(issues, options.at, ['at'], WORDS.at, true);
  if (found && atDay && atDay < found) issues.push(beforeFinding(['at'], WORDS.at, atDay, found));
  if (options.inspection !== undefined) requireText(issues, options.inspection, ['inspection'], WORDS.inspection);
  const policy = options.policy ?? DEFAULT_FINDING_POLICY;
  checkPolicy(issues, policy);
  if (issues.length > 0 || !found) return { ok: false, issues };

  const enterprise = { id: text(options.enterprise.id)!, name: text(options.enterprise.name)! };
  const inspector = text(options.inspector)!;
  const at = options.at ?? found;
  const inspection =
    text(options.inspection) ?? `${enterprise.id}:${report.ruleset.id}@${report.ruleset.version}:${found}`;
  const criteria = new Map(report.majorHazards.map((h) => [h.item, h]));
  const rank = (level: TrackingLevel) => LEVELS.length - 1 - LEVELS.indexOf(level);
  const failed = report.items
    .filter((i) => i.status === 'fail')
    .map((item, index) => ({ item, index, level: trackingLevel(item) }))
    .sort((a, b) => rank(a.level) - rank(b.level) || a.index - b.index);

  // The policy due date of each level that has failed items: null when there is none to set.
  const dues = new Map<TrackingLevel, string | null>();
  for (const { level } of failed) {
    if (dues.has(level)) continue;
    const days = policy[level].dueDays;
    const due = days === null ? null : addDays(found, days);
    if (days !== null && due === null) {
      issues.push(
        issue('too_big', ['found'], {
          'zh-CN': `发现日期 ${found} 加上整改期限 ${days} 天晚于 9999-12-31，无法确定整改期限`,
          en: `the due date, ${days} days after the date found ${found}, would be after 9999-12-31`,
        }),
      );
    }
    dues.set(level, due);
  }
  if (issues.length > 0) return { ok: false, issues };

  const findings: Finding[] = [];
  const events: FoundEvent[] = [];
  for (const { item, level } of failed) {
    const rule = policy[level];
    const due = dues.get(level);
    const hazard = criteria.get(item.id);
    const id = `${inspection}/${item.id}`;
    const finding: Finding = {
      id,
      inspection,
      ruleset: { id: report.ruleset.id, version: report.ruleset.version },
      item: item.id,
      section: item.section,
      title: item.title,
      severity: item.severity,
      ...(item.majorHazard
        ? {
            majorHazard: {
              criterion: item.majorHazard,
              ...(hazard?.criterionTitle ? { title: hazard.criterionTitle } : {}),
            },
          }
        : {}),
      explanation: item.explanation?.text ?? item.title,
      inputs: (item.explanation?.inputs ?? []).map((i) => ({ field: i.field, label: i.label, value: i.value ?? null })),
      judgment: item.judgment !== undefined,
      found,
      enterprise,
      inspector,
      tracking: { level, dueDays: rule.dueDays, namedVerifier: rule.namedVerifier },
      status: 'open',
      ...(due ? { due } : {}),
      reopened: 0,
      updated: at,
      events: 1,
    };
    findings.push(finding);
    events.push({ finding: id, seq: 0, action: 'found', by: inspector, at, from: null, to: 'open' });
  }
  return { ok: true, findings, events };
}
