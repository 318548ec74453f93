import { evaluate } from '../engine/evaluate.js';
import { isParsed, parseRuleset } from '../parse.js';
import { issue, type Issue } from '../issues.js';
import type { Ruleset } from '../schema/ruleset.js';
import type { LocalizedText } from '../text.js';
import { addDays, dayOf } from './dates.js';
import { beforeFinding, checkDate, requireText, statusName, text, WORDS, wrongState } from './refusals.js';
import type {
  AssignedEvent,
  ClosedEvent,
  Finding,
  FindingCommand,
  FindingEvent,
  FindingStatus,
  Rectification,
  RectifiedEvent,
  ReopenedEvent,
  Verification,
  VerifiedEvent,
} from './types.js';

/**
 * The result of a transition: the new finding and the event that records the step, or the issues
 * that refuse it. The finding given is never changed.
 */
export type FindingTransition<E extends FindingEvent = FindingEvent> =
  | { readonly ok: true; readonly finding: Finding; readonly event: E }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** What every transition needs: who acts, and when. */
export interface TransitionInput {
  /** Who acts. */
  readonly by: string;
  /** When: an ISO date or date-time, given by the host (never read from the clock). */
  readonly at: string;
  /** A free note kept in the event. */
  readonly note?: string;
}

/** The input of {@link assignFinding}. */
export interface AssignInput extends TransitionInput {
  /** Who must rectify it: a person or a department. */
  readonly assignee: string;
  /**
   * The due date (`YYYY-MM-DD`, that day included). Default: the current one (for general findings,
   * the policy's). Required for individually tracked findings that have none.
   */
  readonly due?: string;
  /** The inspector who will verify; required when the finding's tracking asks for a named verifier. */
  readonly verifier?: string;
}

/** The input of {@link rectifyFinding}. */
export interface RectifyInput extends TransitionInput {
  /** What was done. */
  readonly action: string;
  /** References to the evidence (photo ids, document numbers, URLs). */
  readonly evidence?: readonly string[];
}

/** The input of {@link verifyFinding}. */
export interface VerifyInput extends TransitionInput {
  /** The ruleset to re-evaluate the item with: the finding's, in the same or a later version. */
  readonly ruleset: Ruleset;
  /** The inputs as the verifier finds them now (answers keyed by field id, as for `evaluate`). */
  readonly answers: Readonly<Record<string, unknown>>;
  /** The evaluation date (`YYYY-MM-DD`). Default: the day of `at`. */
  readonly date?: string;
}

/** The input of {@link reopenFinding}. */
export interface ReopenInput extends TransitionInput {
  /** Why: the hazard is back, or the verification was wrong. */
  readonly reason: string;
}

const ALLOWED: Readonly<Record<FindingCommand, readonly FindingStatus[]>> = {
  assign: ['open', 'assigned'],
  rectify: ['assigned'],
  verify: ['rectified'],
  close: ['verified'],
  reopen: ['verified', 'closed'],
};

const COMMANDS: readonly FindingCommand[] = ['assign', 'rectify', 'verify', 'close', 'reopen'];

const COMMAND_NAMES: Readonly<Record<FindingCommand, LocalizedText>> = {
  assign: { 'zh-CN': '指派', en: 'assigned' },
  rectify: { 'zh-CN': '报告整改', en: 'reported rectified' },
  verify: { 'zh-CN': '验证', en: 'verified' },
  close: { 'zh-CN': '销号', en: 'closed' },
  reopen: { 'zh-CN': '重新打开', en: 'reopened' },
};

/**
 * The commands a finding's status allows, in lifecycle order: `open` → assign; `assigned` →
 * assign again (reassign), rectify; `rectified` → verify; `verified` → close, reopen; `closed` →
 * reopen. Who may act (the verifier is not the rectifier) is checked by the transition itself.
 */
export function findingActions(finding: Pick<Finding, 'status'>): readonly FindingCommand[] {
  return COMMANDS.filter((c) => ALLOWED[c].includes(finding.status));
}

/** Checks who, when and the status; returns the day of `at` when it is valid. */
function begin(issues: Issue[], finding: Finding, input: TransitionInput, command: FindingCommand): string | undefined {
  if (!ALLOWED[command].includes(finding.status)) {
    const unverified = command === 'close' && finding.status !== 'closed';
    issues.push(
      unverified
        ? issue('close_unverified', ['status'], {
            'zh-CN': `隐患当前为“${statusName(finding.status)['zh-CN']}”，整改未经验证，不能销号`,
            en: `the finding is ${statusName(finding.status).en}: it cannot be closed before its rectification is verified`,
          })
        : wrongState(COMMAND_NAMES[command], finding.status, ALLOWED[command]),
    );
  }
  requireText(issues, input?.by, ['by'], WORDS.by);
  const day = checkDate(issues, input?.at, ['at'], WORDS.at, true);
  if (day === undefined) return undefined;
  if (day < finding.found) issues.push(beforeFinding(['at'], WORDS.at, day, finding.found));
  else {
    const last = dayOf(finding.updated);
    if (last && day < last) {
      issues.push(
        issue('date_out_of_order', ['at'], {
          'zh-CN': `操作时间 ${day} 早于该隐患上一次记录的时间 ${last}`,
          en: `the time ${day} is before the finding's last event, on ${last}`,
        }),
      );
    }
  }
  return day;
}

/** A finding with some keys removed (so that the JSON has no `undefined`). */
function without(finding: Finding, ...keys: (keyof Finding)[]): Finding {
  const copy: Record<string, unknown> = { ...finding };
  for (const key of keys) delete copy[key];
  return copy as unknown as Finding;
}

function eventOf<A extends FindingEvent['action']>(
  finding: Finding,
  input: TransitionInput,
  action: A,
  to: FindingStatus,
): {
  finding: string;
  seq: number;
  action: A;
  by: string;
  at: string;
  from: FindingStatus;
  to: FindingStatus;
  note?: string;
} {
  const note = text(input.note);
  return {
    finding: finding.id,
    seq: finding.events,
    action,
    by: text(input.by)!,
    at: input.at,
    from: finding.status,
    to,
    ...(note ? { note } : {}),
  };
}

const step = (finding: Finding, input: TransitionInput, status: FindingStatus) => ({
  ...finding,
  status,
  updated: input.at,
  events: finding.events + 1,
});

/**
 * Assigns a finding to whoever must rectify it, with a due date and, where the tracking asks for
 * one, the inspector named to verify it. Allowed from `open`, and from `assigned` to reassign
 * (a new assignee, due date or verifier, recorded like the first).
 *
 * Refuses: another status (`finding_wrong_state`); no assignee or `by` (`missing_property`); a
 * time that is not one (`invalid_format`), before the date found (`date_before_finding`) or before
 * the last event (`date_out_of_order`); a due date before the date found (`date_before_finding`)
 * or before the assignment (`invalid_date_range`); a policy due date past 9999-12-31 when none is
 * given (`too_big`); an individually tracked finding without a due date (`due_date_required`) or
 * without a named verifier where one is required (`verifier_required`); a verifier who is the
 * assignee (`self_verification`).
 *
 * @example
 * const r = assignFinding(finding, { by: '李科长', at: '2026-03-14', assignee: '车队安全员', due: '2026-03-31', verifier: '王五' });
 * if (r.ok) save(r.finding, r.event); else show(r.issues);
 */
export function assignFinding(finding: Finding, input: AssignInput): FindingTransition<AssignedEvent> {
  const issues: Issue[] = [];
  const day = begin(issues, finding, input, 'assign');
  requireText(issues, input?.assignee, ['assignee'], WORDS.assignee);
  const days = finding.tracking.dueDays;
  // null: the policy period would pass 9999-12-31 (or is not a number of days) in a stored finding.
  let due = finding.due ?? (days !== null ? addDays(finding.found, days) : undefined);
  if (input?.due !== undefined) {
    const given = checkDate(issues, input.due, ['due'], WORDS.due, false);
    if (given !== undefined) {
      if (given < finding.found) issues.push(beforeFinding(['due'], WORDS.due, given, finding.found));
      else if (day !== undefined && given < day) {
        issues.push(
          issue('invalid_date_range', ['due'], {
            'zh-CN': `整改期限 ${given} 早于指派日期 ${day}`,
            en: `the due date ${given} is before the assignment, on ${day}`,
          }),
        );
      }
      due = given;
    }
  } else if (due === undefined) {
    issues.push(
      issue('due_date_required', ['due'], {
        'zh-CN': '该隐患逐项跟踪，指派时必须确定整改期限',
        en: 'this finding is tracked individually: its due date must be set when it is assigned',
      }),
    );
  } else if (due === null) {
    issues.push(
      issue('too_big', ['due'], {
        'zh-CN': `发现日期 ${finding.found} 加上整改期限 ${String(days)} 天晚于 9999-12-31：请指定整改期限`,
        en: `the due date, ${String(days)} days after the date found ${finding.found}, would be after 9999-12-31: give a due date`,
      }),
    );
  }
  if (input?.verifier !== undefined && input.verifier !== '')
    requireText(issues, input.verifier, ['verifier'], WORDS.verifier);
  const verifier = text(input?.verifier) ?? finding.verifier;
  if (finding.tracking.namedVerifier && verifier === undefined) {
    issues.push(
      issue('verifier_required', ['verifier'], {
        'zh-CN':
          finding.tracking.level === 'general'
            ? '按隐患跟踪规则，指派时必须指定验证人'
            : '重大隐患和重要检查项须逐项跟踪，指派时必须指定验证人',
        en:
          finding.tracking.level === 'general'
            ? 'the tracking policy requires a named verifier when the finding is assigned'
            : 'a major hazard or major item is tracked individually: name the inspector who will verify it',
      }),
    );
  }
  const assignee = text(input?.assignee);
  if (verifier !== undefined && assignee !== undefined && verifier === assignee) {
    issues.push(
      issue('self_verification', ['verifier'], {
        'zh-CN': `验证人不能是整改责任人（${assignee}）`,
        en: `the verifier cannot be the assignee (${assignee})`,
      }),
    );
  }
  if (issues.length > 0) return { ok: false, issues };
  const next: Finding = {
    ...step(finding, input, 'assigned'),
    assignee: assignee!,
    ...(due ? { due } : {}),
    ...(verifier !== undefined ? { verifier } : {}),
  };
  const event: AssignedEvent = {
    ...eventOf(finding, input, 'assigned', 'assigned'),
    assignee: assignee!,
    ...(due ? { due } : {}),
    ...(verifier !== undefined ? { verifier } : {}),
  };
  return { ok: true, finding: next, event };
}

/**
 * Reports a finding rectified: what was done and the references to the evidence. Allowed from
 * `assigned`; a rectification after the due date is accepted (and stays late in the record).
 *
 * Refuses: another status (`finding_wrong_state`); no `by` or no action (`missing_property`);
 * evidence that is not a list of texts (`invalid_value`); a bad or early time (`invalid_format`,
 * `date_before_finding`, `date_out_of_order`).
 *
 * @example
 * rectifyFinding(finding, { by: '赵六', at: '2026-03-20', action: '罐体重新检验', evidence: ['检验报告 TJ-2026-0311'] });
 */
export function rectifyFinding(finding: Finding, input: RectifyInput): FindingTransition<RectifiedEvent> {
  const issues: Issue[] = [];
  begin(issues, finding, input, 'rectify');
  requireText(issues, input?.action, ['action'], WORDS.action);
  const evidence: string[] = [];
  if (input?.evidence !== undefined) {
    if (!Array.isArray(input.evidence)) {
      issues.push(
        issue('invalid_value', ['evidence'], {
          'zh-CN': '整改证据应为引用的列表（照片编号、文件编号或链接）',
          en: 'the evidence must be a list of references (photo ids, document numbers, links)',
        }),
      );
    } else {
      input.evidence.forEach((ref: unknown, i) => {
        const t = text(ref);
        if (t === undefined) {
          issues.push(
            issue('invalid_value', ['evidence', i], {
              'zh-CN': `第 ${i + 1} 条整改证据为空或不是文字`,
              en: `evidence reference ${i + 1} is empty or not a text`,
            }),
          );
        } else evidence.push(t);
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const rectification: Rectification = { by: text(input.by)!, at: input.at, action: text(input.action)!, evidence };
  return {
    ok: true,
    finding: { ...step(finding, input, 'rectified'), rectification },
    event: { ...eventOf(finding, input, 'rectified', 'rectified'), rectification },
  };
}

/**
 * Verifies a rectification by re-evaluating the finding's item through the engine
 * ({@link evaluate}) with the answers the verifier supplies: `pass` (or `not_applicable`: what
 * made the item apply is gone) verifies it; `fail` is a failed verification, which sends the
 * finding back to `assigned`, with the same assignee and the same due date (a failed
 * rectification buys no time), and keeps the failed verification on the finding so the assignee
 * sees why. Both are recorded as events.
 *
 * Refuses: another status (`finding_wrong_state`); a verifier who reported the rectification or
 * is the assignee (`self_verification`); anyone but the named verifier (`wrong_verifier`); another
 * ruleset (`ruleset_id_mismatch`) or one without the item (`unknown_item`); answers that leave the
 * item incomplete (`verification_incomplete`, with the answers' own issues); a bad or early time
 * or evaluation date.
 *
 * @example
 * const r = verifyFinding(finding, { by: '王五', at: '2026-03-25', ruleset, answers: { ...before, 'tank.inspection_valid_to': '2027-03-01' } });
 * if (r.ok) r.finding.status; // 'verified', or 'assigned' when the item still fails
 */
export function verifyFinding(finding: Finding, input: VerifyInput): FindingTransition<VerifiedEvent> {
  const issues: Issue[] = [];
  const day = begin(issues, finding, input, 'verify');
  const by = text(input?.by);
  if (by !== undefined && finding.status === 'rectified') {
    const rectifier = finding.rectification?.by;
    if (by === rectifier || by === finding.assignee) {
      issues.push(
        issue('self_verification', ['by'], {
          'zh-CN': `${by} ${by === rectifier ? '报告了这项整改' : '是整改责任人'}，不能验证自己的整改`,
          en: `${by} ${by === rectifier ? 'reported this rectification' : 'is the assignee'}: nobody verifies their own rectification`,
        }),
      );
    } else if (finding.verifier !== undefined && by !== finding.verifier) {
      issues.push(
        issue('wrong_verifier', ['by'], {
          'zh-CN': `该隐患指定由 ${finding.verifier} 验证，${by} 不能验证`,
          en: `this finding is to be verified by ${finding.verifier}, not by ${by}`,
        }),
      );
    }
  }
  let date = day;
  if (input?.date !== undefined) {
    date = checkDate(issues, input.date, ['date'], WORDS.date, false);
    if (date !== undefined && date < finding.found)
      issues.push(beforeFinding(['date'], WORDS.date, date, finding.found));
  }
  if (issues.length > 0 || date === undefined) return { ok: false, issues };

  const answers: Record<string, unknown> =
    input.answers !== null && typeof input.answers === 'object' && !Array.isArray(input.answers)
      ? { ...input.answers }
      : {};
  // The ruleset, and that it is the finding's and has its item, before any evaluation.
  const parsed = isParsed(input.ruleset)
    ? { success: true as const, ruleset: input.ruleset }
    : parseRuleset(input.ruleset);
  if (!parsed.success) return { ok: false, issues: parsed.issues };
  const ruleset = parsed.ruleset;
  if (ruleset.id !== finding.ruleset.id) {
    return {
      ok: false,
      issues: [
        issue('ruleset_id_mismatch', ['ruleset'], {
          'zh-CN': `该隐患出自“${finding.ruleset.id}”，不能用“${ruleset.id}”验证`,
          en: `the finding comes from "${finding.ruleset.id}": it cannot be verified with "${ruleset.id}"`,
        }),
      ],
    };
  }
  if (!ruleset.items.some((i) => i.id === finding.item)) {
    return {
      ok: false,
      issues: [
        issue('unknown_item', ['item'], {
          'zh-CN': `“${ruleset.id}”${ruleset.version} 版没有检查项“${finding.item}”`,
          en: `version ${ruleset.version} of "${ruleset.id}" has no item "${finding.item}"`,
        }),
      ],
    };
  }
  const report = evaluate(ruleset, input.answers, { date, only: [finding.item] });
  const result = report.items[0]!;
  if (result.status === 'incomplete') {
    const missing = result.explanation?.missing ?? [];
    const list = (l: 'zh-CN' | 'en') => missing.map((m) => m.label[l]).join(l === 'en' ? ', ' : '、');
    return {
      ok: false,
      issues: [
        issue('verification_incomplete', ['answers'], {
          'zh-CN': `验证的答案不足以判定该检查项${missing.length > 0 ? `，尚需：${list('zh-CN')}` : ''}`,
          en: `the answers do not decide the item${missing.length > 0 ? `; still needed: ${list('en')}` : ''}`,
        }),
        ...report.issues.filter((i) => i.severity === 'error'),
      ],
    };
  }
  const passed = result.status !== 'fail';
  const verification: Verification = {
    by: by!,
    at: input.at,
    date,
    version: report.ruleset.version,
    status: result.status,
    passed,
    answers,
    ...(!passed && result.explanation ? { explanation: result.explanation.text } : {}),
  };
  if (passed) {
    return {
      ok: true,
      finding: { ...step(finding, input, 'verified'), verification },
      event: { ...eventOf(finding, input, 'verified', 'verified'), verification },
    };
  }
  return {
    ok: true,
    finding: {
      ...without(step(finding, input, 'assigned'), 'rectification'),
      verification,
      reopened: finding.reopened + 1,
    },
    event: { ...eventOf(finding, input, 'verification_failed', 'assigned'), verification },
  };
}

/**
 * Closes (销号) a verified finding. Refuses a finding whose rectification is not verified
 * (`close_unverified`), one already closed (`finding_wrong_state`), and a missing `by` or a bad or
 * early time.
 *
 * @example
 * closeFinding(finding, { by: '李科长', at: '2026-03-26' });
 */
export function closeFinding(finding: Finding, input: TransitionInput): FindingTransition<ClosedEvent> {
  const issues: Issue[] = [];
  begin(issues, finding, input, 'close');
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    finding: { ...step(finding, input, 'closed'), closed: { by: text(input.by)!, at: input.at } },
    event: eventOf(finding, input, 'closed', 'closed'),
  };
}

/**
 * Reopens a verified or closed finding (the hazard is back, or the verification was wrong), with
 * a reason. It goes back to `assigned` with the same assignee, due date and verifier, like a failed
 * verification; the rectification, the verification and the closing are cleared from the finding
 * (the events keep them). Reassign it to set a new due date.
 *
 * Refuses: another status (`finding_wrong_state`); no reason or `by` (`missing_property`); a bad
 * or early time.
 *
 * @example
 * reopenFinding(finding, { by: '李科长', at: '2026-05-02', reason: '复查发现罐体检验报告系伪造' });
 */
export function reopenFinding(finding: Finding, input: ReopenInput): FindingTransition<ReopenedEvent> {
  const issues: Issue[] = [];
  begin(issues, finding, input, 'reopen');
  requireText(issues, input?.reason, ['reason'], WORDS.reason);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    finding: {
      ...without(step(finding, input, 'assigned'), 'rectification', 'verification', 'closed'),
      reopened: finding.reopened + 1,
    },
    event: { ...eventOf(finding, input, 'reopened', 'assigned'), reason: text(input.reason)! },
  };
}
