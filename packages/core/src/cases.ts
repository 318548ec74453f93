import { evaluate } from './engine/evaluate.js';
import type { Report } from './report/types.js';
import type { Case, CasesFile } from './schema/cases.js';
import type { Ruleset } from './schema/ruleset.js';
import type { LocalizedText } from './text.js';

/** The result of one worked case. */
export interface CaseResult {
  readonly id: string;
  readonly ok: boolean;
  /** What differed from the expectation, one sentence each, in zh-CN and en. */
  readonly failures: readonly LocalizedText[];
  readonly report: Report;
}

/**
 * The answers and evaluation date a worked case stands for: its `extends` chain applied (later
 * answers override earlier ones; `null` clears an answer) and `defaultJudgment` given to every
 * judgment item left unanswered. Undefined for an unknown case id.
 */
export function caseAnswers(
  ruleset: Pick<Ruleset, 'items'>,
  file: CasesFile,
  caseId: string,
): { answers: Record<string, unknown>; date?: string } | undefined {
  const byId = new Map(file.cases.map((c) => [c.id, c]));
  const chain: Case[] = [];
  for (let cur = byId.get(caseId); cur && !chain.includes(cur); cur = cur.extends ? byId.get(cur.extends) : undefined) {
    chain.unshift(cur);
  }
  if (chain.length === 0) return undefined;
  // A Map, not an object: an answer named "__proto__" or "constructor" stays an answer.
  const answers = new Map<string, unknown>();
  let date: string | undefined;
  let verdict: string | undefined;
  for (const link of chain) {
    for (const [k, v] of Object.entries(link.answers)) answers.set(k, v);
    date = link.date ?? date;
    verdict = link.defaultJudgment ?? verdict;
  }
  if (verdict)
    for (const item of ruleset.items) if (item.judgment && !answers.has(item.id)) answers.set(item.id, verdict);
  for (const [k, v] of answers) if (v === null) answers.delete(k);
  const given = Object.fromEntries(answers);
  return date === undefined ? { answers: given } : { answers: given, date };
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * Runs a ruleset's worked cases and says, per case, what differs from what its author expected.
 * A case whose `extends` names no earlier case fails.
 */
export function runCases(ruleset: Ruleset, file: CasesFile): CaseResult[] {
  return file.cases.map((c) => {
    const failures: LocalizedText[] = [];
    const fail = (zh: string, en: string) => failures.push({ 'zh-CN': zh, en });
    if (c.extends && !file.cases.some((x) => x.id === c.extends))
      fail(`扩展的案例“${c.extends}”不存在`, `extends unknown case "${c.extends}"`);
    const { answers, date } = caseAnswers(ruleset, file, c.id)!;
    const report = evaluate(ruleset, answers, date === undefined ? {} : { date });
    const e = c.expect;
    if (e.outcome !== undefined && report.outcome !== e.outcome)
      fail(`结论为 ${report.outcome}，预期 ${e.outcome}`, `outcome is ${report.outcome}, expected ${e.outcome}`);
    const byId = new Map(report.items.map((it) => [it.id, it]));
    for (const [id, status] of Object.entries(e.items ?? {})) {
      const it = byId.get(id);
      if (!it) fail(`没有检查项“${id}”`, `no item "${id}"`);
      else if (it.status !== status) {
        const why = it.explanation?.text;
        fail(
          `检查项 ${id} 为 ${it.status}，预期 ${status}${why ? `（${why['zh-CN']}）` : ''}`,
          `item ${id} is ${it.status}, expected ${status}${why ? ` (${why.en})` : ''}`,
        );
      }
    }
    if (e.score !== undefined && report.score?.score !== e.score)
      fail(`得分为 ${report.score?.score}，预期 ${e.score}`, `score is ${report.score?.score}, expected ${e.score}`);
    if (e.band !== undefined && report.score?.band.id !== e.band)
      fail(`等级为 ${report.score?.band.id}，预期 ${e.band}`, `band is ${report.score?.band.id}, expected ${e.band}`);
    if (e.overrides !== undefined) {
      const fired = report.score?.overrides.map((o) => o.override) ?? [];
      if (!same(fired, e.overrides))
        fail(
          `触发的直接判定为 [${fired}]，预期 [${e.overrides}]`,
          `overrides are [${fired}], expected [${e.overrides}]`,
        );
    }
    if (e.majorHazards !== undefined) {
      const found = [...new Set(report.majorHazards.map((m) => m.criterion))];
      if (!same(found, e.majorHazards))
        fail(
          `重大事故隐患为 [${found}]，预期 [${e.majorHazards}]`,
          `major hazards are [${found}], expected [${e.majorHazards}]`,
        );
    }
    for (const [id, texts] of Object.entries(e.explanations ?? {})) {
      const ex = byId.get(id)?.explanation;
      for (const t of texts) {
        if (!ex || !(ex.text['zh-CN'].includes(t) || ex.text.en.includes(t))) {
          fail(
            `检查项 ${id} 的说明缺少“${t}”（说明为：${ex ? ex.text['zh-CN'] : '无'}）`,
            `explanation of ${id} lacks "${t}" (it says: ${ex ? ex.text.en : 'nothing'})`,
          );
        }
      }
    }
    if (e.issues !== undefined) {
      const codes = report.issues.map((i) => i.code);
      if (!same(codes, e.issues))
        fail(`问题为 [${codes}]，预期 [${e.issues}]`, `issues are [${codes}], expected [${e.issues}]`);
    }
    return { id: c.id, ok: failures.length === 0, failures, report };
  });
}
