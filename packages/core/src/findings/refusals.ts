// The issues the findings functions refuse with, in both languages.
import { issue, type Issue, type PathSegment } from '../issues.js';
import type { LocalizedText } from '../text.js';
import { dayOf, isDate } from './dates.js';
import type { FindingStatus } from './types.js';

/** The statuses' names, for messages. */
export const STATUS_NAMES: Readonly<Record<FindingStatus, LocalizedText>> = {
  open: { 'zh-CN': '待指派', en: 'open' },
  assigned: { 'zh-CN': '整改中', en: 'assigned' },
  rectified: { 'zh-CN': '待验证', en: 'rectified' },
  verified: { 'zh-CN': '已验证', en: 'verified' },
  closed: { 'zh-CN': '已销号', en: 'closed' },
};

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/**
 * A status's name, or the value as written when a stored finding has another: an own-key check,
 * so `__proto__` or `toString` reads no prototype.
 */
export function statusName(status: unknown): LocalizedText {
  if (typeof status === 'string' && Object.hasOwn(STATUS_NAMES, status)) return STATUS_NAMES[status as FindingStatus];
  return { 'zh-CN': show(status), en: show(status) };
}

/** A non-empty text, after trimming; undefined otherwise. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Requires a non-empty text at `path`: pushes `missing_property` (or `invalid_type`) otherwise. */
export function requireText(issues: Issue[], value: unknown, path: readonly PathSegment[], what: LocalizedText): void {
  if (text(value) !== undefined) return;
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    issues.push(issue('missing_property', path, { 'zh-CN': `请填写${what['zh-CN']}`, en: `${what.en} is required` }));
  } else {
    issues.push(
      issue('invalid_type', path, {
        'zh-CN': `${what['zh-CN']}应为文字，而不是 ${show(value)}`,
        en: `${what.en} must be a text, not ${show(value)}`,
      }),
    );
  }
}

/** Checks an ISO date (`time: false`) or date or date-time (`time: true`); returns its day when valid. */
export function checkDate(
  issues: Issue[],
  value: unknown,
  path: readonly PathSegment[],
  what: LocalizedText,
  time: boolean,
): string | undefined {
  if (value === undefined || value === null || value === '') {
    issues.push(issue('missing_property', path, { 'zh-CN': `请填写${what['zh-CN']}`, en: `${what.en} is required` }));
    return undefined;
  }
  const day = time ? dayOf(value) : isDate(value) ? value : null;
  if (day) return day;
  issues.push(
    issue('invalid_format', path, {
      'zh-CN': `${what['zh-CN']} ${show(value)} 不是 ${time ? 'ISO 日期或日期时间' : 'YYYY-MM-DD 格式的日期'}`,
      en: `${what.en} ${show(value)} is not ${time ? 'an ISO date or date-time' : 'a date YYYY-MM-DD'}`,
    }),
  );
  return undefined;
}

/** Refuses a date earlier than the date found. */
export function beforeFinding(path: readonly PathSegment[], what: LocalizedText, day: string, found: string): Issue {
  return issue('date_before_finding', path, {
    'zh-CN': `${what['zh-CN']} ${day} 早于隐患发现日期 ${found}`,
    en: `${what.en} ${day} is before the date the hazard was found, ${found}`,
  });
}

/** Refuses a transition its status does not allow. */
export function wrongState(command: LocalizedText, status: FindingStatus, allowed: readonly FindingStatus[]): Issue {
  const list = (l: 'zh-CN' | 'en') => allowed.map((s) => STATUS_NAMES[s][l]).join(l === 'en' ? ' or ' : '或');
  return issue('finding_wrong_state', ['status'], {
    'zh-CN': `隐患当前为“${statusName(status)['zh-CN']}”，不能${command['zh-CN']}（只能在“${list('zh-CN')}”时${command['zh-CN']}）`,
    en: `the finding is ${statusName(status).en}: it cannot be ${command.en} (only when ${list('en')})`,
  });
}

/** The words of the messages: what each input is called. */
export const WORDS = {
  by: { 'zh-CN': '操作人', en: 'who acts (by)' },
  at: { 'zh-CN': '操作时间', en: 'the time (at)' },
  found: { 'zh-CN': '发现日期', en: 'the date found' },
  due: { 'zh-CN': '整改期限', en: 'the due date' },
  assignee: { 'zh-CN': '整改责任人', en: 'the assignee' },
  verifier: { 'zh-CN': '验证人', en: 'the verifier' },
  action: { 'zh-CN': '整改措施', en: 'what was done' },
  reason: { 'zh-CN': '重新打开的原因', en: 'the reason to reopen' },
  inspector: { 'zh-CN': '检查人员', en: 'the inspector' },
  inspection: { 'zh-CN': '检查编号', en: 'the inspection id' },
  enterpriseId: { 'zh-CN': '企业编号', en: "the enterprise's id" },
  enterpriseName: { 'zh-CN': '企业名称', en: "the enterprise's name" },
  date: { 'zh-CN': '验证的检查日期', en: 'the evaluation date' },
} as const satisfies Record<string, LocalizedText>;
