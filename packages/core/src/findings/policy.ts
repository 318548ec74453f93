import type { FindingPolicy, TrackingLevel } from './types.js';

/**
 * A starting point, not the law: general findings are due 30 days after they are found; major
 * items and major hazards (重大事故隐患) are tracked one by one, each with its own due date set
 * at assignment and a named inspector to verify it. Local rules, the enterprise's own hazard
 * system and the regulator's supervision order set the real periods: pass your own policy.
 *
 * @example
 * findingsFromReport(report, { ...options, policy: { ...DEFAULT_FINDING_POLICY, general: { dueDays: 15, namedVerifier: false } } });
 */
export const DEFAULT_FINDING_POLICY: FindingPolicy = Object.freeze({
  general: Object.freeze({ dueDays: 30, namedVerifier: false }),
  major: Object.freeze({ dueDays: null, namedVerifier: true }),
  majorHazard: Object.freeze({ dueDays: null, namedVerifier: true }),
});

/** The tracking level of a failed item: `majorHazard` when it meets a criterion, else its severity. */
export function trackingLevel(item: {
  readonly severity: 'general' | 'major';
  readonly majorHazard?: unknown;
}): TrackingLevel {
  return item.majorHazard ? 'majorHazard' : item.severity;
}
