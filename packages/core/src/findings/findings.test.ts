import { describe, expect, it } from 'vitest';
import { item, ruleset, t } from '../../../../test/fixtures.js';
import { evaluate } from '../engine/evaluate.js';
import type { Issue } from '../issues.js';
import type { Ruleset } from '../schema/ruleset.js';
import { findingsFromReport, type FindingsOptions } from './create.js';
import { DEFAULT_FINDING_POLICY } from './policy.js';
import {
  assignFinding,
  closeFinding,
  findingActions,
  rectifyFinding,
  reopenFinding,
  verifyFinding,
  type FindingTransition,
} from './transitions.js';
import { FINDING_STATUSES, type Finding, type FindingCommand, type FindingEvent, type FindingStatus } from './types.js';

/** g1 general (a ≤ 10), m1 major (flag must be false), h1 a major hazard (a ≤ 20). */
const RS: Ruleset = ruleset({
  criteria: [{ id: 'c-7', title: t('第七项重大隐患', 'major hazard criterion 7') }],
  items: [
    item('g1', { check: { '<=': [{ var: 'a' }, 10] } }),
    item('m1', { severity: 'major', check: { '===': [{ var: 'flag' }, false] } }),
    item('h1', { severity: 'major', majorHazard: 'c-7', check: { '<=': [{ var: 'a' }, 20] } }),
  ],
});
const FOUND = '2026-03-01';
const FAILING = { a: 25, flag: true, 'doc.valid_to': '2027-01-01' };
const FIXED = { a: 5, flag: false, 'doc.valid_to': '2027-01-01' };
const OPTIONS: FindingsOptions = { enterprise: { id: 'e1', name: '甲化工有限公司' }, inspector: '王五' };

function made(answers: Record<string, unknown> = FAILING, options: Partial<FindingsOptions> = {}) {
  const r = findingsFromReport(evaluate(RS, answers, { date: FOUND }), { ...OPTIONS, ...options });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
}
const findingOf = (id: 'g1' | 'm1' | 'h1'): Finding => made().findings.find((f) => f.item === id)!;

function ok<T extends FindingTransition>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.code}: ${i.message.en}`).join('\n'));
  return r as Extract<T, { ok: true }>;
}
const codes = (r: FindingTransition): string[] => (r.ok ? [] : r.issues.map((i) => i.code));
const refusal = (r: FindingTransition, code: string): Issue => {
  expect(r.ok).toBe(false);
  const found = r.ok ? undefined : r.issues.find((i) => i.code === code);
  expect(found, `${code} in ${JSON.stringify(codes(r))}`).toBeDefined();
  return found!;
};

const ASSIGN = { by: '李科长', at: '2026-03-02', assignee: '甲公司设备部', due: '2026-03-20', verifier: '王五' };
const RECTIFY = {
  by: '赵六',
  at: '2026-03-10',
  action: '罐体送检，取得新检验报告',
  evidence: ['报告 TJ-0311', 'photo-88'],
};
const VERIFY = { by: '王五', at: '2026-03-12', ruleset: RS, answers: FIXED };
const CLOSE = { by: '李科长', at: '2026-03-13' };
const REOPEN = { by: '李科长', at: '2026-04-01', reason: '复查发现问题复现' };

/** A finding brought to a status through the allowed path. */
function at(status: FindingStatus, id: 'g1' | 'm1' | 'h1' = 'm1'): Finding {
  let f = findingOf(id);
  if (status === 'open') return f;
  f = ok(assignFinding(f, ASSIGN)).finding;
  if (status === 'assigned') return f;
  f = ok(rectifyFinding(f, RECTIFY)).finding;
  if (status === 'rectified') return f;
  f = ok(verifyFinding(f, VERIFY)).finding;
  if (status === 'verified') return f;
  return ok(closeFinding(f, CLOSE)).finding;
}

/** Each command with an input that is valid whenever the status allows it. */
const RUN: Record<FindingCommand, (f: Finding) => FindingTransition> = {
  assign: (f) => assignFinding(f, { ...ASSIGN, at: '2026-04-02', due: '2026-04-30' }),
  rectify: (f) => rectifyFinding(f, { ...RECTIFY, at: '2026-04-02' }),
  verify: (f) => verifyFinding(f, { ...VERIFY, at: '2026-04-02' }),
  close: (f) => closeFinding(f, { ...CLOSE, at: '2026-04-02' }),
  reopen: (f) => reopenFinding(f, { ...REOPEN, at: '2026-04-02' }),
};
const TO: Record<FindingCommand, FindingStatus> = {
  assign: 'assigned',
  rectify: 'rectified',
  verify: 'verified',
  close: 'closed',
  reopen: 'assigned',
};
const ALLOWED: Record<FindingStatus, readonly FindingCommand[]> = {
  open: ['assign'],
  assigned: ['assign', 'rectify'],
  rectified: ['verify'],
  verified: ['close', 'reopen'],
  closed: ['reopen'],
};

describe('findingsFromReport', () => {
  it('makes one open finding per failed item, major hazards first, with everything a register needs', () => {
    const r = made();
    expect(r.findings.map((f) => f.item)).toEqual(['h1', 'm1', 'g1']);
    const h1 = r.findings[0]!;
    expect(h1).toMatchObject({
      id: 'e1:test@1.0.0:2026-03-01/h1',
      inspection: 'e1:test@1.0.0:2026-03-01',
      ruleset: { id: 'test', version: '1.0.0' },
      item: 'h1',
      section: 's',
      title: t('检查 h1', 'check h1'),
      severity: 'major',
      majorHazard: { criterion: 'c-7', title: t('第七项重大隐患', 'major hazard criterion 7') },
      found: FOUND,
      enterprise: { id: 'e1', name: '甲化工有限公司' },
      inspector: '王五',
      status: 'open',
      tracking: { level: 'majorHazard', dueDays: null, namedVerifier: true },
      reopened: 0,
      updated: FOUND,
      events: 1,
      judgment: false,
    });
    expect(h1.explanation.en.length).toBeGreaterThan(0);
    expect(h1.inputs).toEqual([{ field: 'a', label: t('数量甲', 'amount A'), value: 25 }]);
    expect(h1).not.toHaveProperty('due');
    expect(r.events).toEqual(
      r.findings.map((f) => ({
        finding: f.id,
        seq: 0,
        action: 'found',
        by: '王五',
        at: FOUND,
        from: null,
        to: 'open',
      })),
    );
  });

  it('gives general findings the due date of the policy, counted from the date found', () => {
    expect(findingOf('g1')).toMatchObject({ due: '2026-03-31', tracking: { level: 'general', dueDays: 30 } });
    expect(findingOf('m1').tracking).toEqual({ level: 'major', dueDays: null, namedVerifier: true });
    const policy = {
      ...DEFAULT_FINDING_POLICY,
      general: { dueDays: 7, namedVerifier: false },
      major: { dueDays: 15, namedVerifier: false },
    };
    const r = made(FAILING, { policy });
    expect(r.findings.find((f) => f.item === 'g1')!.due).toBe('2026-03-08');
    expect(r.findings.find((f) => f.item === 'm1')!.due).toBe('2026-03-16');
    expect(r.findings.find((f) => f.item === 'h1')).not.toHaveProperty('due');
  });

  it('uses the host inspection id, the found date and the recording time given', () => {
    const r = made(FAILING, { inspection: 'JC-2026-0042', found: '2026-03-03', at: '2026-03-04T09:30+08:00' });
    expect(r.findings[0]!.id).toBe('JC-2026-0042/h1');
    expect(r.findings[0]!.found).toBe('2026-03-03');
    expect(r.events[0]!.at).toBe('2026-03-04T09:30+08:00');
  });

  it('makes no finding of a report without failures, and records are plain JSON', () => {
    expect(made(FIXED).findings).toEqual([]);
    const r = made();
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it.each([
    ['enterprise id', { enterprise: { id: '', name: 'x' } }, 'missing_property', ['enterprise', 'id']],
    ['enterprise name', { enterprise: { id: 'e', name: ' ' } }, 'missing_property', ['enterprise', 'name']],
    ['inspector', { inspector: '' }, 'missing_property', ['inspector']],
    ['inspector type', { inspector: 42 as unknown as string }, 'invalid_type', ['inspector']],
    ['found', { found: '2026-02-30' }, 'invalid_format', ['found']],
    ['at', { at: 'yesterday' }, 'invalid_format', ['at']],
    ['at before found', { at: '2026-02-28' }, 'date_before_finding', ['at']],
    ['inspection', { inspection: '' }, 'missing_property', ['inspection']],
    [
      'policy',
      { policy: { ...DEFAULT_FINDING_POLICY, general: { dueDays: -1, namedVerifier: false } } },
      'invalid_value',
      ['policy', 'general', 'dueDays'],
    ],
    [
      'policy period',
      { policy: { ...DEFAULT_FINDING_POLICY, general: { dueDays: 1e9, namedVerifier: false } } },
      'too_big',
      ['policy', 'general', 'dueDays'],
    ],
    [
      'policy verifier',
      { policy: { ...DEFAULT_FINDING_POLICY, major: { dueDays: null } } as never },
      'invalid_value',
      ['policy', 'major', 'namedVerifier'],
    ],
  ] as const)('refuses a bad %s', (_name, patch, code, path) => {
    const r = findingsFromReport(evaluate(RS, FAILING, { date: FOUND }), { ...OPTIONS, ...(patch as object) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('takes a period of up to ten years, and refuses a date found whose due date would pass 9999-12-31', () => {
    const policy = { ...DEFAULT_FINDING_POLICY, general: { dueDays: 3660, namedVerifier: false } };
    expect(made(FAILING, { policy }).findings.find((f) => f.item === 'g1')!.due).toBe('2036-03-08');
    const long = { ...DEFAULT_FINDING_POLICY, general: { dueDays: 3661, namedVerifier: false } };
    const refused = findingsFromReport(evaluate(RS, FAILING, { date: FOUND }), { ...OPTIONS, policy: long });
    expect(refused.ok ? [] : refused.issues.map((i) => [i.code, i.path])).toEqual([
      ['too_big', ['policy', 'general', 'dueDays']],
    ]);
    const late = findingsFromReport(evaluate(RS, FAILING, { date: FOUND }), { ...OPTIONS, found: '9999-12-31' });
    expect(late.ok ? [] : late.issues.map((i) => [i.code, i.path])).toEqual([['too_big', ['found']]]);
    if (!late.ok) expect(late.issues[0]!.message['zh-CN']).toContain('9999-12-31');
    expect(made(FAILING, { found: '9999-12-01' }).findings.find((f) => f.item === 'g1')!.due).toBe('9999-12-31');
  });

  it('reads the years 0000–0099 as written (Date.UTC would make them 1900–1999)', () => {
    const early = made(FAILING, { found: '0050-02-28', at: '0050-02-28' }).findings.find((f) => f.item === 'g1')!;
    expect([early.found, early.due]).toEqual(['0050-02-28', '0050-03-30']);
  });

  it('refuses a report without a date when none is given', () => {
    const r = findingsFromReport(evaluate(RS, FAILING), OPTIONS);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([['missing_property', ['found']]]);
    expect(findingsFromReport(evaluate(RS, FAILING), { ...OPTIONS, found: FOUND }).ok).toBe(true);
  });
});

describe('findingActions', () => {
  it.each(FINDING_STATUSES)('lists what %s allows', (status) => {
    expect(findingActions(at(status))).toEqual(ALLOWED[status]);
  });
});

describe('every command from every status', () => {
  const cases = FINDING_STATUSES.flatMap((status) =>
    (Object.keys(RUN) as FindingCommand[]).map(
      (command) => [status, command, ALLOWED[status].includes(command)] as const,
    ),
  );
  it.each(cases)('%s: %s allowed = %s', (status, command, allowed) => {
    const before = at(status);
    const frozen = JSON.stringify(before);
    const r = RUN[command](before);
    expect(JSON.stringify(before)).toBe(frozen);
    if (allowed) {
      const done = ok(r);
      expect(done.finding.status).toBe(TO[command]);
      expect(done.event).toMatchObject({
        finding: before.id,
        seq: before.events,
        from: status,
        to: TO[command],
        at: '2026-04-02',
      });
      expect(done.finding.events).toBe(before.events + 1);
      expect(done.finding.updated).toBe('2026-04-02');
    } else {
      const code = command === 'close' && status !== 'closed' ? 'close_unverified' : 'finding_wrong_state';
      const i = refusal(r, code);
      expect(i.path).toEqual(['status']);
      expect(i.message['zh-CN']).not.toBe(i.message.en);
    }
  });
});

describe('the whole loop', () => {
  it('records who did what, when, from and to, in order', () => {
    const found = made().findings.find((f) => f.item === 'h1')!;
    const events: FindingEvent[] = [made().events.find((e) => e.finding === found.id)!];
    let f = found;
    for (const r of [
      assignFinding(f, ASSIGN),
      (g: Finding) => rectifyFinding(g, RECTIFY),
      (g: Finding) => verifyFinding(g, VERIFY),
      (g: Finding) => closeFinding(g, { ...CLOSE, note: '同意销号' }),
    ]) {
      const done = ok(typeof r === 'function' ? r(f) : r);
      f = done.finding;
      events.push(done.event);
    }
    expect(events.map((e) => [e.seq, e.action, e.by, e.at, e.from, e.to])).toEqual([
      [0, 'found', '王五', FOUND, null, 'open'],
      [1, 'assigned', '李科长', '2026-03-02', 'open', 'assigned'],
      [2, 'rectified', '赵六', '2026-03-10', 'assigned', 'rectified'],
      [3, 'verified', '王五', '2026-03-12', 'rectified', 'verified'],
      [4, 'closed', '李科长', '2026-03-13', 'verified', 'closed'],
    ]);
    expect(events[1]).toMatchObject({ assignee: '甲公司设备部', due: '2026-03-20', verifier: '王五' });
    expect(events[2]).toMatchObject({
      rectification: { by: '赵六', action: RECTIFY.action, evidence: RECTIFY.evidence },
    });
    expect(events[4]).toMatchObject({ note: '同意销号' });
    expect(f).toMatchObject({
      status: 'closed',
      assignee: '甲公司设备部',
      due: '2026-03-20',
      verifier: '王五',
      rectification: { by: '赵六', at: '2026-03-10' },
      verification: { by: '王五', status: 'pass', passed: true, version: '1.0.0', date: '2026-03-12' },
      closed: { by: '李科长', at: '2026-03-13' },
      events: 5,
    });
    expect(JSON.parse(JSON.stringify({ f, events }))).toEqual({ f, events });
  });
});

describe('assignFinding', () => {
  it('keeps the policy due date of a general finding and needs no verifier for it', () => {
    const r = ok(assignFinding(findingOf('g1'), { by: '李科长', at: '2026-03-02', assignee: '班组长' }));
    expect(r.finding).toMatchObject({ status: 'assigned', assignee: '班组长', due: '2026-03-31' });
    expect(r.finding).not.toHaveProperty('verifier');
    expect(r.event).toEqual({
      finding: r.finding.id,
      seq: 1,
      action: 'assigned',
      by: '李科长',
      at: '2026-03-02',
      from: 'open',
      to: 'assigned',
      assignee: '班组长',
      due: '2026-03-31',
    });
  });

  it('reassigns: a new assignee, due date or verifier, each recorded', () => {
    const first = at('assigned');
    const r = ok(assignFinding(first, { by: '李科长', at: '2026-03-05', assignee: '储运部', due: '2026-03-25' }));
    expect(r.finding).toMatchObject({ status: 'assigned', assignee: '储运部', due: '2026-03-25', verifier: '王五' });
    expect(r.event).toMatchObject({ from: 'assigned', to: 'assigned', assignee: '储运部', verifier: '王五' });
  });

  it('refuses a major hazard without a named verifier', () => {
    const i = refusal(assignFinding(findingOf('h1'), { ...ASSIGN, verifier: undefined }), 'verifier_required');
    expect(i.path).toEqual(['verifier']);
    expect(i.message['zh-CN']).toContain('重大隐患');
    refusal(assignFinding(findingOf('m1'), { ...ASSIGN, verifier: '' }), 'verifier_required');
  });

  it('refuses an individually tracked finding without a due date', () => {
    expect(codes(assignFinding(findingOf('h1'), { ...ASSIGN, due: undefined }))).toEqual(['due_date_required']);
  });

  it('refuses a policy due date past 9999-12-31 on a stored finding, and takes a due date given instead', () => {
    const { due: _due, ...stored } = findingOf('g1');
    for (const finding of [
      { ...stored, found: '9999-12-20' },
      { ...stored, tracking: { ...stored.tracking, dueDays: 1e9 } },
    ]) {
      const i = refusal(assignFinding(finding, { by: '李科长', at: finding.found, assignee: '班组长' }), 'too_big');
      expect(i.path).toEqual(['due']);
      expect(
        ok(assignFinding(finding, { by: '李科长', at: finding.found, assignee: '班组长', due: '9999-12-31' })).finding
          .due,
      ).toBe('9999-12-31');
    }
  });

  it('refuses the assignee as verifier', () => {
    const i = refusal(assignFinding(findingOf('h1'), { ...ASSIGN, verifier: ASSIGN.assignee }), 'self_verification');
    expect(i.path).toEqual(['verifier']);
  });

  it('refuses due dates before the date found or before the assignment', () => {
    expect(codes(assignFinding(findingOf('h1'), { ...ASSIGN, due: '2026-02-27' }))).toEqual(['date_before_finding']);
    expect(codes(assignFinding(findingOf('h1'), { ...ASSIGN, at: '2026-03-05', due: '2026-03-04' }))).toEqual([
      'invalid_date_range',
    ]);
    expect(codes(assignFinding(findingOf('h1'), { ...ASSIGN, due: '2026-3-20' }))).toEqual(['invalid_format']);
    expect(ok(assignFinding(findingOf('h1'), { ...ASSIGN, due: ASSIGN.at })).finding.due).toBe(ASSIGN.at);
  });

  it('refuses a missing assignee or actor, and a time that is not one', () => {
    const r = assignFinding(findingOf('h1'), { ...ASSIGN, assignee: ' ', by: '', at: '2026-03-02 09:00' });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ['missing_property', ['by']],
      ['invalid_format', ['at']],
      ['missing_property', ['assignee']],
    ]);
  });

  it('takes a date-time with a zone, and compares days', () => {
    const r = ok(assignFinding(findingOf('h1'), { ...ASSIGN, at: '2026-03-01T23:59:59.5+08:00' }));
    expect(r.event.at).toBe('2026-03-01T23:59:59.5+08:00');
    expect(codes(assignFinding(findingOf('h1'), { ...ASSIGN, at: '2026-02-28T23:59Z' }))).toEqual([
      'date_before_finding',
    ]);
    expect(codes(assignFinding(findingOf('h1'), { ...ASSIGN, at: '2026-03-01T24:00Z' }))).toEqual(['invalid_format']);
  });

  it('refuses a time before the finding was found and before its last event', () => {
    expect(codes(assignFinding(findingOf('h1'), { ...ASSIGN, at: '2026-02-28' }))).toEqual(['date_before_finding']);
    const assigned = ok(assignFinding(findingOf('h1'), { ...ASSIGN, at: '2026-03-05' })).finding;
    const r = assignFinding(assigned, { ...ASSIGN, at: '2026-03-04' });
    expect(codes(r)).toEqual(['date_out_of_order']);
    expect(ok(assignFinding(assigned, { ...ASSIGN, at: '2026-03-05T18:00+08:00' })).finding.assignee).toBe(
      ASSIGN.assignee,
    );
  });
});

describe('rectifyFinding', () => {
  it('records what was done and the evidence, trimmed', () => {
    const r = ok(rectifyFinding(at('assigned'), { ...RECTIFY, action: '  已整改 ', evidence: [' a ', 'b'] }));
    expect(r.finding.rectification).toEqual({ by: '赵六', at: '2026-03-10', action: '已整改', evidence: ['a', 'b'] });
    expect(
      ok(rectifyFinding(at('assigned'), { ...RECTIFY, evidence: undefined })).finding.rectification!.evidence,
    ).toEqual([]);
  });

  it('accepts a late rectification', () => {
    expect(ok(rectifyFinding(at('assigned'), { ...RECTIFY, at: '2026-05-01' })).finding.status).toBe('rectified');
  });

  it('refuses no action, and evidence that is not a list of references', () => {
    expect(codes(rectifyFinding(at('assigned'), { ...RECTIFY, action: '' }))).toEqual(['missing_property']);
    const r = rectifyFinding(at('assigned'), { ...RECTIFY, evidence: ['ok', ''] });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([['invalid_value', ['evidence', 1]]]);
    expect(codes(rectifyFinding(at('assigned'), { ...RECTIFY, evidence: 'photo' as never }))).toEqual([
      'invalid_value',
    ]);
  });

  it('refuses a time before the assignment', () => {
    expect(codes(rectifyFinding(at('assigned'), { ...RECTIFY, at: '2026-03-01' }))).toEqual(['date_out_of_order']);
  });
});

describe('verifyFinding (the engine decides)', () => {
  it('refuses the rectifier and the assignee as verifier', () => {
    const assigned = ok(assignFinding(findingOf('g1'), { ...ASSIGN, verifier: undefined })).finding;
    const rectified = ok(rectifyFinding(assigned, RECTIFY)).finding;
    const i = refusal(verifyFinding(rectified, { ...VERIFY, by: '赵六' }), 'self_verification');
    expect(i.path).toEqual(['by']);
    refusal(verifyFinding(rectified, { ...VERIFY, by: ASSIGN.assignee }), 'self_verification');
    expect(ok(verifyFinding(rectified, { ...VERIFY, by: '钱七' })).finding.status).toBe('verified');
  });

  it('refuses anyone but the named verifier', () => {
    expect(codes(verifyFinding(at('rectified'), { ...VERIFY, by: '钱七' }))).toEqual(['wrong_verifier']);
  });

  it('fails the verification when the item still fails: back to assigned, same due date, the failure kept', () => {
    const rectified = at('rectified');
    const r = ok(verifyFinding(rectified, { ...VERIFY, answers: FAILING }));
    expect(r.event).toMatchObject({ action: 'verification_failed', from: 'rectified', to: 'assigned' });
    expect(r.finding).toMatchObject({ status: 'assigned', assignee: ASSIGN.assignee, due: '2026-03-20', reopened: 1 });
    expect(r.finding).not.toHaveProperty('rectification');
    expect(r.finding.verification).toMatchObject({ passed: false, status: 'fail', answers: FAILING });
    expect(r.finding.verification!.explanation!.en.length).toBeGreaterThan(0);
    // the assignee tries again, and this time it passes
    const again = ok(rectifyFinding(r.finding, { ...RECTIFY, at: '2026-03-15' })).finding;
    const done = ok(verifyFinding(again, { ...VERIFY, at: '2026-03-16' }));
    expect(done.finding).toMatchObject({ status: 'verified', reopened: 1, verification: { passed: true } });
  });

  it('refuses answers that leave the item undecided, naming what is missing', () => {
    const r = verifyFinding(at('rectified'), { ...VERIFY, answers: { a: 5 } });
    const i = refusal(r, 'verification_incomplete');
    expect(i.message['zh-CN']).toContain('是否涉及');
    expect(i.message.en).toContain('involved');
    const bad = verifyFinding(at('rectified'), { ...VERIFY, answers: { flag: 'maybe' } });
    expect(codes(bad)).toEqual(['verification_incomplete', 'invalid_answer']);
  });

  it('refuses another ruleset, and a version without the item', () => {
    expect(codes(verifyFinding(at('rectified'), { ...VERIFY, ruleset: ruleset({ id: 'other' }) }))).toEqual([
      'ruleset_id_mismatch',
    ]);
    const r = verifyFinding(at('rectified'), {
      ...VERIFY,
      ruleset: ruleset({ version: '2.0.0', changelog: [{ version: '2.0.0', date: '2026-03-01', changes: t('改') }] }),
    });
    expect(codes(r)).toEqual(['unknown_item']);
    expect(codes(verifyFinding(at('rectified'), { ...VERIFY, ruleset: { id: 'x' } as never }))).not.toEqual([]);
  });

  it('evaluates on the day of the verification unless a date is given, and refuses dates before the finding', () => {
    expect(
      ok(verifyFinding(at('rectified'), { ...VERIFY, at: '2026-03-12T10:00+08:00' })).finding.verification!.date,
    ).toBe('2026-03-12');
    expect(ok(verifyFinding(at('rectified'), { ...VERIFY, date: '2026-03-11' })).finding.verification!.date).toBe(
      '2026-03-11',
    );
    expect(codes(verifyFinding(at('rectified'), { ...VERIFY, date: '2026-02-01' }))).toEqual(['date_before_finding']);
    expect(codes(verifyFinding(at('rectified'), { ...VERIFY, date: 'soon' }))).toEqual(['invalid_format']);
  });
});

describe('judgment items', () => {
  it("are verified by the verifier's verdict, keyed by the item id", () => {
    const rs = ruleset({ items: [item('j1', { judgment: true, check: undefined })] });
    const made = findingsFromReport(
      evaluate(rs, { j1: { verdict: 'noncompliant', note: '消防通道堵塞' } }, { date: FOUND }),
      OPTIONS,
    );
    if (!made.ok) throw new Error('fixture');
    const [f] = made.findings;
    expect(f).toMatchObject({ item: 'j1', judgment: true, inputs: [] });
    const assigned = ok(assignFinding(f!, { ...ASSIGN, verifier: undefined })).finding;
    const rectified = ok(rectifyFinding(assigned, RECTIFY)).finding;
    const verify = (answers: Record<string, unknown>) => verifyFinding(rectified, { ...VERIFY, ruleset: rs, answers });
    expect(ok(verify({ j1: 'compliant' })).finding.status).toBe('verified');
    expect(ok(verify({ j1: 'noncompliant' })).event.action).toBe('verification_failed');
    expect(codes(verify({}))).toEqual(['verification_incomplete']);
  });
});

describe('closeFinding and reopenFinding', () => {
  it('refuses to close without verification, naming the status', () => {
    for (const status of ['open', 'assigned', 'rectified'] as const) {
      const i = refusal(closeFinding(at(status), CLOSE), 'close_unverified');
      expect(i.message.en).toContain(status);
    }
  });

  it('names a stored status that is not one as written, without reading a prototype or throwing', () => {
    for (const status of ['__proto__', 'toString', undefined]) {
      const odd = { ...at('verified'), status } as unknown as Finding;
      const written = JSON.stringify(status) ?? 'undefined';
      expect(refusal(closeFinding(odd, CLOSE), 'close_unverified').message.en).toContain(`is ${written}:`);
      expect(refusal(reopenFinding(odd, REOPEN), 'finding_wrong_state').message['zh-CN']).toContain(`“${written}”`);
    }
  });

  it('reopens a closed finding to its assignee, clearing the rectification, verification and closing', () => {
    const r = ok(reopenFinding(at('closed'), REOPEN));
    expect(r.event).toMatchObject({ action: 'reopened', reason: REOPEN.reason, from: 'closed', to: 'assigned' });
    expect(r.finding).toMatchObject({ status: 'assigned', assignee: ASSIGN.assignee, verifier: '王五', reopened: 1 });
    for (const key of ['rectification', 'verification', 'closed']) expect(r.finding).not.toHaveProperty(key);
    expect(findingActions(r.finding)).toEqual(['assign', 'rectify']);
  });

  it('refuses to reopen without a reason', () => {
    expect(codes(reopenFinding(at('verified'), { ...REOPEN, reason: '' }))).toEqual(['missing_property']);
  });
});
