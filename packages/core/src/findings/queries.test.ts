import { describe, expect, it } from 'vitest';
import { item, ruleset, t } from '../../../../test/fixtures.js';
import { evaluate } from '../engine/evaluate.js';
import { findingsFromReport } from './create.js';
import { daysOverdue, isOverdue, summarizeFindings } from './queries.js';
import { assignFinding, closeFinding, rectifyFinding, verifyFinding, type FindingTransition } from './transitions.js';
import type { Finding } from './types.js';

const RS = ruleset({
  criteria: [{ id: 'c-1', title: t('重大隐患判定标准第一项', 'criterion 1') }],
  items: [
    item('g1', { check: { '<=': [{ var: 'a' }, 10] } }),
    item('m1', { severity: 'major', check: { '===': [{ var: 'flag' }, false] } }),
    item('h1', { severity: 'major', majorHazard: 'c-1', check: { '<=': [{ var: 'a' }, 20] } }),
  ],
});

function ok(r: FindingTransition): Finding {
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('\n'));
  return r.finding;
}

/** g1 (due found + 30), m1 and h1 (no due date yet) of one enterprise, found on a date. */
function found(enterprise: string, date: string): Finding[] {
  const r = findingsFromReport(evaluate(RS, { a: 25, flag: true, 'doc.valid_to': '2030-01-01' }, { date }), {
    enterprise: { id: enterprise, name: `${enterprise} 公司` },
    inspector: '王五',
  });
  if (!r.ok) throw new Error('fixture');
  return [...r.findings];
}
const byItem = (list: Finding[], id: string) => list.find((f) => f.item === id)!;

describe('overdue, against a given date', () => {
  const [h1, m1, g1] = found('e1', '2026-03-01') as [Finding, Finding, Finding];

  it('an open general finding is overdue the day after its policy due date, never on it', () => {
    expect(g1.due).toBe('2026-03-31');
    expect(isOverdue(g1, '2026-03-30')).toBe(false);
    expect(isOverdue(g1, '2026-03-31')).toBe(false);
    expect(isOverdue(g1, '2026-04-01')).toBe(true);
    expect(daysOverdue(g1, '2026-04-01')).toBe(1);
    expect(daysOverdue(g1, '2027-03-31')).toBe(365);
  });

  it('an individually tracked finding has no due date until it is assigned', () => {
    expect(isOverdue(h1, '2030-01-01')).toBe(false);
    const assigned = ok(
      assignFinding(h1, { by: '李', at: '2026-03-02', assignee: '设备部', due: '2026-03-10', verifier: '王五' }),
    );
    expect(daysOverdue(assigned, '2026-03-12')).toBe(2);
  });

  it('a rectified, verified or closed finding is not overdue', () => {
    let f = ok(
      assignFinding(m1, { by: '李', at: '2026-03-02', assignee: '设备部', due: '2026-03-10', verifier: '王五' }),
    );
    f = ok(rectifyFinding(f, { by: '赵六', at: '2026-03-09', action: '已整改' }));
    expect(isOverdue(f, '2026-04-01')).toBe(false);
    f = ok(verifyFinding(f, { by: '王五', at: '2026-03-11', ruleset: RS, answers: { flag: false } }));
    expect(isOverdue(f, '2026-04-01')).toBe(false);
    f = ok(closeFinding(f, { by: '李', at: '2026-03-12' }));
    expect(isOverdue(f, '2026-04-01')).toBe(false);
  });

  it('a date that is not one makes nothing overdue', () => {
    expect(isOverdue(g1, 'tomorrow')).toBe(false);
    expect(daysOverdue(g1, '2026-04-31')).toBe(0);
  });
});

describe('summarizeFindings', () => {
  const e1 = found('e1', '2026-03-01');
  const e2 = found('e2', '2026-03-20');
  const assign = (f: Finding, due: string) =>
    ok(assignFinding(f, { by: '李', at: f.found, assignee: '责任部门', due, verifier: '王五' }));
  // e1: h1 assigned, overdue; m1 closed; g1 open, overdue on 2026-04-05 (due 03-31).
  let m1 = assign(byItem(e1, 'm1'), '2026-03-10');
  m1 = ok(rectifyFinding(m1, { by: '赵六', at: '2026-03-05', action: '已整改' }));
  m1 = ok(verifyFinding(m1, { by: '王五', at: '2026-03-06', ruleset: RS, answers: { flag: false } }));
  m1 = ok(closeFinding(m1, { by: '李', at: '2026-03-07' }));
  const findings = [
    assign(byItem(e1, 'h1'), '2026-03-15'),
    m1,
    byItem(e1, 'g1'),
    // e2: h1 rectified; m1 assigned, due later; g1 open, due 04-19.
    ok(rectifyFinding(assign(byItem(e2, 'h1'), '2026-03-25'), { by: '赵六', at: '2026-03-24', action: '已整改' })),
    assign(byItem(e2, 'm1'), '2026-04-30'),
    byItem(e2, 'g1'),
  ];
  const s = summarizeFindings(findings, '2026-04-05');

  it('counts open, overdue and closed in all and by status, severity, major hazard and enterprise', () => {
    expect(s.date).toBe('2026-04-05');
    expect(s.issues).toEqual([]);
    expect(s.all).toEqual({ total: 6, open: 5, overdue: 2, closed: 1 });
    expect(s.byStatus).toEqual({
      open: { total: 2, open: 2, overdue: 1, closed: 0 },
      assigned: { total: 2, open: 2, overdue: 1, closed: 0 },
      rectified: { total: 1, open: 1, overdue: 0, closed: 0 },
      verified: { total: 0, open: 0, overdue: 0, closed: 0 },
      closed: { total: 1, open: 0, overdue: 0, closed: 1 },
    });
    expect(s.bySeverity).toEqual({
      general: { total: 2, open: 2, overdue: 1, closed: 0 },
      major: { total: 4, open: 3, overdue: 1, closed: 1 },
    });
    expect(s.majorHazards).toEqual({ total: 2, open: 2, overdue: 1, closed: 0 });
    expect(s.byEnterprise).toEqual({
      e1: { name: 'e1 公司', total: 3, open: 2, overdue: 2, closed: 1 },
      e2: { name: 'e2 公司', total: 3, open: 3, overdue: 0, closed: 0 },
    });
  });

  it('lists the overdue findings, most days first', () => {
    expect(s.overdue.map((o) => [o.finding.enterprise.id, o.finding.item, o.days])).toEqual([
      ['e1', 'h1', 21],
      ['e1', 'g1', 5],
    ]);
  });

  it('depends on the date given, not on the clock', () => {
    expect(summarizeFindings(findings, '2026-03-01').all.overdue).toBe(0);
    expect(summarizeFindings(findings, '2026-05-01').overdue.map((o) => o.finding.id)).toEqual([
      findings[0]!.id,
      findings[2]!.id,
      findings[5]!.id,
      findings[4]!.id,
    ]);
  });

  it('puts major hazards first among findings overdue as long', () => {
    const same = summarizeFindings([byItem(e1, 'g1'), { ...findings[0]!, due: '2026-03-31' }], '2026-04-02');
    expect(same.overdue.map((o) => [o.finding.item, o.days])).toEqual([
      ['h1', 2],
      ['g1', 2],
    ]);
  });

  it('reports a date that is not one, and counts nothing overdue', () => {
    const bad = summarizeFindings(findings, '05/04/2026');
    expect(bad.issues.map((i) => [i.code, i.path])).toEqual([['invalid_evaluation_date', ['date']]]);
    expect(bad.all).toEqual({ total: 6, open: 5, overdue: 0, closed: 1 });
  });

  it('keeps every enterprise id as its own key, __proto__ and toString included, and pollutes no prototype', () => {
    const ids = ['__proto__', 'toString', 'constructor', 'e1'];
    try {
      const s = summarizeFindings(
        ids.flatMap((id) => found(id, '2026-03-01')),
        '2026-04-05',
      );
      expect(Object.keys(s.byEnterprise)).toEqual(ids);
      expect(Object.getPrototypeOf(s.byEnterprise)).toBe(Object.prototype);
      for (const id of ids) {
        expect(Object.getOwnPropertyDescriptor(s.byEnterprise, id)?.value).toEqual({
          name: `${id} 公司`,
          total: 3,
          open: 3,
          overdue: 1,
          closed: 0,
        });
      }
      expect(JSON.stringify(s.byEnterprise)).toContain('"__proto__":{"name":"__proto__ 公司"');
      expect(({} as Record<string, unknown>).total).toBeUndefined();
    } finally {
      for (const key of ['name', 'total', 'open', 'overdue', 'closed']) delete (Object.prototype as never)[key];
    }
  });

  it('counts a stored finding whose status or severity is not one in all only, and pollutes no prototype', () => {
    const g1 = byItem(found('e1', '2026-03-01'), 'g1');
    const odd = ['__proto__', 'constructor', 'toString'].map(
      (key) => ({ ...g1, status: key, severity: key }) as unknown as Finding,
    );
    try {
      const s = summarizeFindings(odd, '2026-04-05');
      expect(s.all).toEqual({ total: 3, open: 3, overdue: 0, closed: 0 });
      expect(s.byStatus.open).toEqual({ total: 0, open: 0, overdue: 0, closed: 0 });
      expect(s.bySeverity.general).toEqual({ total: 0, open: 0, overdue: 0, closed: 0 });
      expect(Object.hasOwn(Object.prototype, 'total')).toBe(false);
      expect(Object.hasOwn(Object, 'total')).toBe(false);
      expect(Object.hasOwn(Object.prototype.toString, 'total')).toBe(false);
    } finally {
      for (const target of [Object.prototype, Object, Object.prototype.toString]) {
        for (const key of ['total', 'open', 'overdue', 'closed']) delete (target as never)[key];
      }
    }
  });

  it('summarizes nothing as zeros', () => {
    const empty = summarizeFindings([], '2026-04-05');
    expect(empty.all).toEqual({ total: 0, open: 0, overdue: 0, closed: 0 });
    expect(empty.byEnterprise).toEqual({});
    expect(empty.overdue).toEqual([]);
  });
});
