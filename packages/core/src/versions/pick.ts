import { issue, type Issue } from '../issues.js';
import type { Ruleset } from '../schema/ruleset.js';
import { compareVersions } from './semver.js';

/** What {@link pickVersion} needs of a ruleset. */
export type Dated = Pick<Ruleset, 'id' | 'version' | 'validFrom' | 'validTo'>;

/** The result of {@link pickVersion}. */
export type VersionPick<R extends Dated> =
  { readonly success: true; readonly ruleset: R } | { readonly success: false; readonly issues: readonly Issue[] };

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Picks the version of a ruleset that was in force on a date, so that an inspection filed last
 * year is re-evaluated under last year's rules. A version is in force from `validFrom` to
 * `validTo` (both included; no `validTo`: until further notice). When several are, the one that
 * came into force last wins (a new version supersedes an open-ended older one), then the highest
 * version number.
 *
 * @param rulesets The versions side by side (`rulesets/<id>/<version>.json`), in any order.
 * @param date An ISO date, `YYYY-MM-DD`.
 * @example
 * const pick = pickVersion([v1, v2], '2025-03-01');
 * if (pick.success) evaluate(pick.ruleset, answers, { date: '2025-03-01' });
 */
export function pickVersion<R extends Dated>(rulesets: readonly R[], date: string): VersionPick<R> {
  if (!ISO_DATE.test(date)) {
    return {
      success: false,
      issues: [
        issue('invalid_evaluation_date', ['date'], {
          'zh-CN': `日期“${date}”不是 YYYY-MM-DD 格式的日期`,
          en: `"${date}" is not a date YYYY-MM-DD`,
        }),
      ],
    };
  }
  const ids = [...new Set(rulesets.map((r) => r.id))];
  if (ids.length > 1) {
    return {
      success: false,
      issues: [
        issue('ruleset_id_mismatch', [], {
          'zh-CN': `这些文件属于不同的规则集：${ids.join('、')}`,
          en: `the files belong to different rulesets: ${ids.join(', ')}`,
        }),
      ],
    };
  }
  const inForce = rulesets.filter((r) => r.validFrom <= date && (r.validTo === undefined || date <= r.validTo));
  inForce.sort(
    (a, b) =>
      (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0) || compareVersions(b.version, a.version),
  );
  const chosen = inForce[0];
  if (chosen) return { success: true, ruleset: chosen };
  const ranges = [...rulesets]
    .sort((a, b) => compareVersions(a.version, b.version))
    .map((r) => `${r.version}: ${r.validFrom} – ${r.validTo ?? '…'}`);
  const list = ranges.length > 0 ? ranges.join('; ') : '—';
  return {
    success: false,
    issues: [
      issue('no_version_valid', ['date'], {
        'zh-CN': `${date} 没有有效的${ids[0] ? `“${ids[0]}”` : ''}版本（${list}）`,
        en: `no version${ids[0] ? ` of "${ids[0]}"` : ''} is in force on ${date} (${list})`,
      }),
    ],
  };
}
