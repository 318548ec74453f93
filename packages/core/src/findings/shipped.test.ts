// The closed loop on the rulesets we ship, with the answers of their worked cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/evaluate.js';
import { parseRuleset } from '../parse.js';
import { caseAnswers } from '../cases.js';
import type { CasesFile } from '../schema/cases.js';
import type { Ruleset } from '../schema/ruleset.js';
import { findingsFromReport } from './create.js';
import { verificationFields } from './fields.js';
import { isOverdue, summarizeFindings } from './queries.js';
import { assignFinding, closeFinding, rectifyFinding, verifyFinding, type FindingTransition } from './transitions.js';
import type { Finding } from './types.js';

const root = new URL('../../../../rulesets/', import.meta.url);

function load(path: string): { ruleset: Ruleset; cases: CasesFile } {
  const parsed = parseRuleset(readFileSync(new URL(`${path}.json`, root), 'utf8'));
  if (!parsed.success) throw new Error(`${path} does not parse`);
  const cases = JSON.parse(readFileSync(new URL(`${path}.cases.json`, root), 'utf8')) as CasesFile;
  return { ruleset: parsed.ruleset, cases };
}

/** A worked case's answers and date, as the case runner resolves them. */
function caseOf(
  shipped: { ruleset: Ruleset; cases: CasesFile },
  id: string,
): { answers: Record<string, unknown>; date?: string } {
  const resolved = caseAnswers(shipped.ruleset, shipped.cases, id);
  if (!resolved) throw new Error(`no case ${id}`);
  return resolved;
}

function ok<T extends FindingTransition>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.code}: ${i.message.en}`).join('\n'));
  return r as Extract<T, { ok: true }>;
}

const LFC = load('loading-five-checks/1.0.0');
const C3 = 'lfc.c3-inspection-validity';
const ENTERPRISE = { id: '91330100MA2X0001', name: '杭州某危险品运输有限公司' };

/** The findings of one loading-check case, found on its date. */
function loadingFindings(caseId: string): Finding[] {
  const { answers, date } = caseOf(LFC, caseId);
  const r = findingsFromReport(evaluate(LFC.ruleset, answers, { date: date! }), {
    enterprise: ENTERPRISE,
    inspector: '王五',
    inspection: `ZX-${caseId}`,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return [...r.findings];
}

/** The tank-inspection finding, assigned to the carrier with 王五 to verify and reported rectified by 赵六. */
function rectifiedTank(): Finding {
  const found = loadingFindings('tank-inspection-expired-13-days');
  expect(found.map((f) => f.item)).toEqual([C3]);
  const assigned = ok(
    assignFinding(found[0]!, {
      by: '李科长',
      at: '2026-03-13',
      assignee: '车队安全员',
      due: '2026-03-31',
      verifier: '王五',
    }),
  ).finding;
  return ok(
    rectifyFinding(assigned, {
      by: '赵六',
      at: '2026-03-20',
      action: '罐体定期检验，取得新检验报告',
      evidence: ['罐检报告 GJ-2026-0318'],
    }),
  ).finding;
}

describe('loading-five-checks: findings from a refused loading', () => {
  it('makes a finding of every failed check, with the engine explanation and the inputs it read', () => {
    const findings = loadingFindings('several-failures');
    expect(findings.map((f) => f.item)).toEqual([
      'lfc.c1-vehicle-documents',
      'lfc.c2-personnel-qualifications',
      C3,
      'lfc.load-limit',
    ]);
    for (const f of findings) {
      expect(f).toMatchObject({ severity: 'major', found: '2026-03-13', status: 'open', enterprise: ENTERPRISE });
      expect(f.tracking).toEqual({ level: 'major', dueDays: null, namedVerifier: true });
      expect(f).not.toHaveProperty('due');
    }
    const c3 = findings.find((f) => f.item === C3)!;
    expect(c3.explanation['zh-CN']).toContain('2026-02-28');
    expect(c3.inputs.map((i) => i.field)).toContain('tank.inspection_valid_to');
  });

  it('lists the fields a verifier answers for an item', () => {
    const ids = verificationFields(LFC.ruleset, C3).map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(['vehicle.inspection_valid_to', 'tank.inspection_valid_to', 'loading.date']),
    );
    expect(ids).not.toContain('goods.quantity');
    expect(verificationFields(LFC.ruleset, 'nowhere')).toEqual([]);
  });
});

describe('loading-five-checks: verification re-runs the engine', () => {
  it('verifies with the new inspection date and closes', () => {
    const { answers } = caseOf(LFC, 'tank-inspection-expired-13-days');
    const fixed = { ...answers, 'tank.inspection_valid_to': '2027-03-17' };
    const r = ok(
      verifyFinding(rectifiedTank(), { by: '王五', at: '2026-03-21', ruleset: LFC.ruleset, answers: fixed }),
    );
    expect(r.event).toMatchObject({ action: 'verified', from: 'rectified', to: 'verified' });
    expect(r.finding.verification).toMatchObject({
      status: 'pass',
      passed: true,
      version: '1.0.0',
      date: '2026-03-21',
    });
    expect(evaluate(LFC.ruleset, fixed, { date: '2026-03-21' }).items.find((i) => i.id === C3)!.status).toBe('pass');
    expect(ok(closeFinding(r.finding, { by: '李科长', at: '2026-03-22' })).finding.status).toBe('closed');
  });

  it('needs only the fields the item reads', () => {
    const { answers } = caseOf(LFC, 'tank-inspection-expired-13-days');
    const only = Object.fromEntries(verificationFields(LFC.ruleset, C3).map((f) => [f.id, answers[f.id]]));
    only['tank.inspection_valid_to'] = '2027-03-17';
    const r = ok(verifyFinding(rectifiedTank(), { by: '王五', at: '2026-03-21', ruleset: LFC.ruleset, answers: only }));
    expect(r.finding.status).toBe('verified');
  });

  it('fails the verification when the engine still fails the item, which brings back the overdue', () => {
    const { answers } = caseOf(LFC, 'tank-inspection-expired-13-days');
    const r = ok(verifyFinding(rectifiedTank(), { by: '王五', at: '2026-03-21', ruleset: LFC.ruleset, answers }));
    expect(r.event).toMatchObject({ action: 'verification_failed', from: 'rectified', to: 'assigned' });
    expect(r.finding).toMatchObject({
      status: 'assigned',
      due: '2026-03-31',
      verification: { status: 'fail', passed: false },
    });
    expect(r.finding.verification!.explanation!['zh-CN']).toContain('2026-02-28');
    expect(isOverdue(r.finding, '2026-03-31')).toBe(false);
    expect(isOverdue(r.finding, '2026-04-01')).toBe(true);
    expect(isOverdue(rectifiedTank(), '2026-04-01')).toBe(false);
  });

  it('refuses a verification whose answers leave the check undecided', () => {
    const { answers } = caseOf(LFC, 'tank-inspection-expired-13-days');
    const { ['tank.inspection_valid_to']: _gone, ...rest } = answers;
    const r = verifyFinding(rectifiedTank(), { by: '王五', at: '2026-03-21', ruleset: LFC.ruleset, answers: rest });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]!.code).toBe('verification_incomplete');
      const label = LFC.ruleset.fields.find((f) => f.id === 'tank.inspection_valid_to')!.label;
      expect(r.issues[0]!.message['zh-CN']).toContain(label['zh-CN']);
      expect(r.issues[0]!.message.en).toContain(label.en);
    }
  });

  it('refuses the rectifier, and anyone but the named verifier', () => {
    const { answers } = caseOf(LFC, 'baseline-all-valid');
    const codesBy = (who: string): string[] => {
      const r = verifyFinding(rectifiedTank(), { by: who, at: '2026-03-21', ruleset: LFC.ruleset, answers });
      return r.ok ? [] : r.issues.map((i) => i.code);
    };
    expect(codesBy('赵六')).toEqual(['self_verification']);
    expect(codesBy('车队安全员')).toEqual(['self_verification']);
    expect(codesBy('钱七')).toEqual(['wrong_verifier']);
    expect(codesBy('王五')).toEqual([]);
  });

  it('verifies a missing permit once the permit is held', () => {
    const [permit] = loadingFindings('chlorine-without-permit');
    expect(permit!.item).toBe('lfc.special-permit');
    const assigned = ok(
      assignFinding(permit!, {
        by: '李科长',
        at: '2026-03-13',
        assignee: '承运人',
        due: '2026-03-16',
        verifier: '王五',
      }),
    ).finding;
    const rectified = ok(
      rectifyFinding(assigned, { by: '承运人', at: '2026-03-15', action: '取得剧毒化学品道路运输通行证' }),
    ).finding;
    const { answers } = caseOf(LFC, 'chlorine-with-valid-permit');
    const r = ok(verifyFinding(rectified, { by: '王五', at: '2026-03-16', ruleset: LFC.ruleset, answers }));
    expect(r.finding.status).toBe('verified');
  });
});

describe('risk-grading: major hazards', () => {
  const RG = load('risk-grading/1.0.0');
  const { answers } = caseOf(RG, 'cap-equipment-exceeded');
  const report = evaluate(RG.ruleset, answers, { date: '2026-05-06' });
  const made = findingsFromReport(report, { enterprise: { id: 'e9', name: '某化工有限公司' }, inspector: '孙八' });

  it('tracks each major hazard individually with its criterion, before the other findings', () => {
    if (!made.ok) throw new Error(JSON.stringify(made.issues));
    const hazards = made.findings.filter((f) => f.majorHazard);
    expect(hazards.map((f) => f.majorHazard!.criterion).sort()).toEqual(['121-11', '121-14']);
    for (const f of hazards) {
      expect(f.tracking.level).toBe('majorHazard');
      expect(f.majorHazard!.title!['zh-CN'].length).toBeGreaterThan(0);
    }
    const firstOther = made.findings.findIndex((f) => !f.majorHazard);
    if (firstOther >= 0) expect(firstOther).toBeGreaterThanOrEqual(hazards.length);
    expect(made.findings.length).toBe(report.items.filter((i) => i.status === 'fail').length);
    const s = summarizeFindings(made.findings, '2026-05-06');
    expect(s.majorHazards).toEqual({ total: 2, open: 2, overdue: 0, closed: 0 });
  });

  it('refuses to assign a major hazard without a named verifier', () => {
    if (!made.ok) throw new Error('fixture');
    const hazard = made.findings.find((f) => f.majorHazard)!;
    const r = assignFinding(hazard, { by: '李科长', at: '2026-05-06', assignee: '设备部', due: '2026-06-30' });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['verifier_required']);
  });
});
