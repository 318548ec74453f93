import {
  assignFinding,
  closeFinding,
  compareVersions,
  daysOverdue,
  findingActions,
  localize,
  rectifyFinding,
  reopenFinding,
  summarizeFindings,
  verificationFields,
  verifyFinding,
  type Field,
  type Finding,
  type FindingCommand,
  type FindingStatus,
  type FindingTransition,
  type Issue,
  type Locale,
  type Ruleset,
} from '@safecheck/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { SafecheckTransitionEvent } from '../../events/safecheck-transition-event.js';
import { SafecheckElement } from '../../internal/safecheck-element.js';
import { issueItems } from '../../internal/issue-list.js';
import { loadRuleset } from '../../internal/ruleset-cache.js';
import { shapeIssues, type Shape } from '../../internal/shape.js';
import { tokens } from '../../internal/tokens.styles.js';
import { findingsStyles } from './safecheck-findings.styles.js';

/** Which findings the list shows. */
export type FindingsFilter = 'all' | 'open' | 'overdue' | 'closed';

const FILTERS: readonly FindingsFilter[] = ['all', 'open', 'overdue', 'closed'];
const CODE_SEPARATORS = /[\s,，、;；]+/u;
const VERDICTS = ['compliant', 'noncompliant', 'not_applicable'] as const;

/** What the element reads of a finding (see {@link Shape}): an entry that has it never throws. */
const FINDING: Shape = {
  id: 'string',
  status: 'open|assigned|rectified|verified|closed',
  severity: 'general|major',
  title: 'text',
  explanation: 'text',
  item: 'string',
  ruleset: { id: 'string', version: 'string' },
  enterprise: { id: 'string', name: 'string' },
  found: 'string',
  inspector: 'string',
  tracking: {},
  inputs: [{ field: 'string' }],
  'due?': 'string',
  'assignee?': 'string',
  'verifier?': 'string',
  'majorHazard?': { 'title?': 'text' },
  'rectification?': { by: 'string', at: 'string', action: 'string', evidence: ['string'] },
  'verification?': { by: 'string', at: 'string', 'explanation?': 'text' },
  'closed?': { by: 'string', at: 'string' },
};

/** The element's words, per locale. */
interface FindingsMessages {
  readonly title: string;
  readonly asOf: (date: string) => string;
  readonly counts: Readonly<Record<'total' | 'open' | 'overdue' | 'closed', string>>;
  readonly show: string;
  readonly filters: Readonly<Record<FindingsFilter, string>>;
  readonly empty: string;
  readonly noneShown: string;
  readonly status: Readonly<Record<FindingStatus, string>>;
  readonly general: string;
  readonly major: string;
  readonly majorHazard: string;
  readonly overdueBy: (days: number) => string;
  readonly enterprise: string;
  readonly found: string;
  readonly due: string;
  readonly noDue: string;
  readonly assignee: string;
  readonly verifier: string;
  readonly inspector: string;
  readonly why: string;
  readonly rectification: string;
  readonly evidence: string;
  readonly verificationFailed: string;
  readonly verificationPassed: string;
  readonly closedBy: string;
  readonly actions: (title: string) => string;
  readonly commands: Readonly<Record<FindingCommand, string>>;
  readonly reassign: string;
  readonly commandOn: (command: string, title: string) => string;
  readonly formTitle: (command: string, title: string) => string;
  readonly by: string;
  readonly note: string;
  readonly action: string;
  readonly evidenceHint: string;
  readonly reason: string;
  readonly required: string;
  readonly optional: string;
  readonly dueHint: string;
  readonly verifierHint: string;
  readonly verifyIntro: string;
  readonly codesHint: string;
  readonly verdict: string;
  readonly verdicts: Readonly<Record<(typeof VERDICTS)[number], string>>;
  readonly yes: string;
  readonly no: string;
  readonly choose: string;
  readonly noRuleset: string;
  readonly submit: (command: string) => string;
  readonly cancel: string;
  readonly refused: string;
  readonly done: (command: string, title: string) => string;
  readonly assigned: (title: string, assignee: string) => string;
  readonly verified: (title: string) => string;
  readonly verificationFailedNotice: (title: string) => string;
  readonly invalidFindings: string;
  readonly notFindings: (n: number) => string;
  readonly invalidRulesets: string;
  readonly invalidDate: string;
  readonly moreIssues: (n: number) => string;
  readonly colon: string;
  readonly listSeparator: string;
  /** Who and when, after a step: `（王五，2026-03-13）`, ` (Wang Wu, 2026-03-13)`. */
  readonly byAt: readonly [open: string, separator: string, close: string];
}

const zh: FindingsMessages = {
  title: '隐患整改',
  asOf: (d) => `统计日期 ${d}`,
  counts: { total: '合计', open: '未销号', overdue: '逾期', closed: '已销号' },
  show: '显示',
  filters: { all: '全部', open: '未销号', overdue: '逾期', closed: '已销号' },
  empty: '没有隐患记录。',
  noneShown: '没有符合条件的隐患。',
  status: { open: '待指派', assigned: '整改中', rectified: '待验证', verified: '已验证', closed: '已销号' },
  general: '一般',
  major: '重要',
  majorHazard: '重大隐患',
  overdueBy: (n) => `逾期 ${n} 天`,
  enterprise: '企业',
  found: '发现日期',
  due: '整改期限',
  noDue: '未定',
  assignee: '整改责任人',
  verifier: '验证人',
  inspector: '检查人员',
  why: '问题',
  rectification: '整改情况',
  evidence: '整改证据',
  verificationFailed: '上次验证未通过',
  verificationPassed: '验证通过',
  closedBy: '已销号',
  actions: (t) => `“${t}”的操作`,
  commands: { assign: '指派', rectify: '报告整改', verify: '验证', close: '销号', reopen: '重新打开' },
  reassign: '重新指派',
  commandOn: (c, t) => `${c}：${t}`,
  formTitle: (c, t) => `${c}：${t}`,
  by: '操作人',
  note: '备注',
  action: '整改措施',
  evidenceHint: '每行一条：照片编号、文件编号或链接',
  reason: '原因',
  required: '（必填）',
  optional: '（选填）',
  dueHint: 'YYYY-MM-DD，当天截止',
  verifierHint: '不能是整改责任人或整改人',
  verifyIntro: '请填写复查时的实际情况，系统将按检查表重新判定该项。',
  codesHint: '多个代码用逗号或空格分隔',
  verdict: '检查结论',
  verdicts: { compliant: '符合', noncompliant: '不符合', not_applicable: '不适用' },
  yes: '是',
  no: '否',
  choose: '请选择',
  noRuleset: '缺少该隐患所属的检查表，无法重新判定，暂不能验证。',
  submit: (c) => `确认${c}`,
  cancel: '取消',
  refused: '未能完成操作',
  done: (c, t) => `${t}：已${c}`,
  assigned: (t, a) => `${t}：已指派给 ${a}`,
  verified: (t) => `${t}：验证通过`,
  verificationFailedNotice: (t) => `${t}：验证未通过，已退回整改`,
  invalidFindings: '隐患记录无效，不能显示：',
  notFindings: (n) => `${n} 条记录不是隐患记录，未列出：`,
  invalidRulesets: '以下检查表无效，不能使用：',
  invalidDate: '日期无效，未计算逾期：',
  moreIssues: (n) => `另有 ${n} 个问题`,
  colon: '：',
  listSeparator: '；',
  byAt: ['（', '，', '）'],
};

const en: FindingsMessages = {
  title: 'Hazard findings',
  asOf: (d) => `as of ${d}`,
  counts: { total: 'Total', open: 'Not closed', overdue: 'Overdue', closed: 'Closed' },
  show: 'Show',
  filters: { all: 'All', open: 'Not closed', overdue: 'Overdue', closed: 'Closed' },
  empty: 'No findings.',
  noneShown: 'No finding matches.',
  status: { open: 'Open', assigned: 'Assigned', rectified: 'Rectified', verified: 'Verified', closed: 'Closed' },
  general: 'General',
  major: 'Major',
  majorHazard: 'Major hazard',
  overdueBy: (n) => `${n} ${n === 1 ? 'day' : 'days'} overdue`,
  enterprise: 'Enterprise',
  found: 'Found',
  due: 'Due',
  noDue: 'not set',
  assignee: 'Assignee',
  verifier: 'Verifier',
  inspector: 'Inspector',
  why: 'Problem',
  rectification: 'Rectification',
  evidence: 'Evidence',
  verificationFailed: 'Last verification failed',
  verificationPassed: 'Verification passed',
  closedBy: 'Closed',
  actions: (t) => `Actions on “${t}”`,
  commands: { assign: 'Assign', rectify: 'Report rectified', verify: 'Verify', close: 'Close', reopen: 'Reopen' },
  reassign: 'Reassign',
  commandOn: (c, t) => `${c}: ${t}`,
  formTitle: (c, t) => `${c}: ${t}`,
  by: 'Your name',
  note: 'Note',
  action: 'What was done',
  evidenceHint: 'One per line: photo ids, document numbers or links',
  reason: 'Reason',
  required: ' (required)',
  optional: ' (optional)',
  dueHint: 'YYYY-MM-DD, that day included',
  verifierHint: 'Not the assignee nor whoever rectifies',
  verifyIntro: 'Enter what you find now: the item is decided again by the checklist.',
  codesHint: 'Separate codes with commas or spaces',
  verdict: 'Finding',
  verdicts: { compliant: 'Compliant', noncompliant: 'Not compliant', not_applicable: 'Not applicable' },
  yes: 'Yes',
  no: 'No',
  choose: 'Choose',
  noRuleset: 'The checklist of this finding is missing: it cannot be decided again, so it cannot be verified yet.',
  submit: (c) => c,
  cancel: 'Cancel',
  refused: 'The action was refused',
  done: (c, t) => `${t}: ${c.toLowerCase()} done`,
  assigned: (t, a) => `${t}: assigned to ${a}`,
  verified: (t) => `${t}: verification passed`,
  verificationFailedNotice: (t) => `${t}: verification failed, back to the assignee`,
  invalidFindings: 'The findings are invalid and cannot be shown:',
  notFindings: (n) => `${n} ${n === 1 ? 'entry is' : 'entries are'} not findings and not listed:`,
  invalidRulesets: 'These checklists are invalid and cannot be used:',
  invalidDate: 'The date is invalid, so nothing is counted as overdue:',
  moreIssues: (n) => `and ${n} more`,
  colon: ': ',
  listSeparator: '; ',
  byAt: [' (', ', ', ')'],
};

const MESSAGES: Readonly<Record<Locale, FindingsMessages>> = { 'zh-CN': zh, en };

/** The form open on one finding. */
interface ActiveForm {
  readonly id: string;
  readonly command: FindingCommand;
}

/** The local date, `YYYY-MM-DD`. */
function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local date-time with its offset: `2026-03-13T09:30:00+08:00`. */
function localDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An answer as the text of its control. */
function controlText(field: Field | undefined, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  if (field?.type === 'boolean') return value === true ? 'true' : value === false ? 'false' : '';
  return String(value);
}

/**
 * The register of hazard findings (隐患闭环): each finding's status, due date and who answers
 * for it, the overdue ones highlighted with how many days, and the actions its status allows —
 * assign, report rectified, verify, close, reopen. Every action goes through core's transitions
 * (`assignFinding`, `rectifyFinding`, `verifyFinding`, `closeFinding`, `reopenFinding`): what the
 * process forbids is refused with core's messages, shown in the action's form. Verification asks
 * for the facts the item reads and re-evaluates it through the engine, so give the element the
 * `rulesets` the findings come from.
 *
 * Storage belongs to the host: set `findings` (plain JSON records, from `findingsFromReport`),
 * and store what each `safecheck-transition` event carries.
 *
 * Overdue is computed against `date` (`YYYY-MM-DD`), which also dates the actions; without it the
 * element takes the browser's local date for overdue and the local date-time for actions (core
 * itself never reads the clock). The language is the element's `lang` (or its nearest
 * ancestor's): `zh-CN` by default, `en`.
 *
 * @summary Hazard findings: status, due dates, overdue, and the actions each state allows.
 *
 * @fires {SafecheckTransitionEvent} safecheck-transition - An action was accepted; carries the new finding, the event to record and the new list. Cancelable: `preventDefault()` keeps the list as it was.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title and the counts.
 * @csspart summary - The counts: total, not closed, overdue, closed.
 * @csspart filter - The select that filters the list.
 * @csspart list - The list of findings.
 * @csspart finding - One finding.
 * @csspart status - A finding's status badge.
 * @csspart overdue - The overdue badge, with the days.
 * @csspart due - A finding's due date.
 * @csspart explanation - Why the item failed.
 * @csspart actions - A finding's action buttons.
 * @csspart form - The form of an action.
 * @csspart error - The refusal of an action, with core's messages.
 * @csspart input - A text, date or number input, a textarea or a select.
 * @csspart button - Every button.
 *
 * @cssproperty --safecheck-color-accent - Buttons and links. Default #1d4ed8.
 * @cssproperty --safecheck-color-accent-text - Text on the accent colour. Default #ffffff.
 * @cssproperty --safecheck-color-text - Text. Default #1f2328.
 * @cssproperty --safecheck-color-muted - Secondary text. Default #505a5f.
 * @cssproperty --safecheck-color-surface - Background. Default #ffffff.
 * @cssproperty --safecheck-color-surface-alt - Background of forms. Default #f3f4f6.
 * @cssproperty --safecheck-color-border - Borders. Default #6b7280.
 * @cssproperty --safecheck-color-pass - Verified and closed findings. Default #00703c.
 * @cssproperty --safecheck-color-fail - Overdue findings, major hazards and refusals. Default #b10e1e.
 * @cssproperty --safecheck-color-incomplete - Findings awaiting verification. Default #7a4d00.
 * @cssproperty --safecheck-color-focus - The focus ring. Default #ffbf47.
 * @cssproperty --safecheck-font-family - The font.
 * @cssproperty --safecheck-font-size - The base font size. Default 1rem.
 * @cssproperty --safecheck-radius - Corner radius. Default 4px.
 * @cssproperty --safecheck-space - The base spacing. Default 1rem.
 *
 * @example
 * <safecheck-findings user="王五"></safecheck-findings>
 * <script type="module">
 *   const list = document.querySelector('safecheck-findings');
 *   list.rulesets = [ruleset];
 *   list.findings = store.load();
 *   list.addEventListener('safecheck-transition', (e) => store.save(e.findings, e.event));
 * </script>
 */
export class SafecheckFindings extends SafecheckElement {
  static override styles = [tokens, findingsStyles];

  static override properties = {
    findings: { attribute: false },
    rulesets: { attribute: false },
    date: { type: String },
    user: { type: String },
    filter: { type: String },
  };

  /** The findings to show: plain records from `findingsFromReport` and core's transitions. */
  declare findings: readonly Finding[];
  /** The rulesets the findings come from (parsed or as JSON): verification re-evaluates items with them. */
  declare rulesets: readonly (Ruleset | object)[];
  /** The day (`YYYY-MM-DD`) overdue is computed against and actions are dated with. */
  declare date: string | undefined;
  /** Who is acting: fills the name in the action forms. */
  declare user: string;
  /** Which findings to show: `all` (default), `open` (not closed), `overdue` or `closed`. */
  declare filter: FindingsFilter;

  #rulesets: Ruleset[] = [];
  #rulesetIssues: readonly Issue[] = [];
  #checked: { value: unknown; valid: readonly Finding[]; issues: readonly Issue[] } = {
    value: [],
    valid: [],
    issues: [],
  };
  #active: ActiveForm | null = null;
  #issues: readonly Issue[] = [];
  #announcement = '';
  #focus: string | null = null;

  constructor() {
    super();
    this.findings = [];
    this.rulesets = [];
    this.user = '';
    this.filter = 'all';
  }

  /** Why `findings`, or some of its entries, cannot be shown: paths start with the entry's index. */
  get findingsIssues(): readonly Issue[] {
    return this.#checkFindings().issues;
  }

  /** Why some of `rulesets` could not be used: paths start with the ruleset's index. */
  get rulesetIssues(): readonly Issue[] {
    return this.#rulesetIssues;
  }

  /** The day overdue is computed against: `date`, or the browser's local date. */
  get today(): string {
    return this.date || localDate(new Date());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rulesets')) {
      this.#rulesets = [];
      const given: unknown = this.rulesets ?? [];
      // Not a list: one issue at the root (shapeIssues says so before looking at any entry).
      const issues: Issue[] = Array.isArray(given) ? [] : shapeIssues(given, [{}]);
      (Array.isArray(given) ? given : []).forEach((value: unknown, index) => {
        const loaded = loadRuleset(value);
        if ('ruleset' in loaded) this.#rulesets.push(loaded.ruleset);
        else issues.push(...loaded.issues.map((i) => ({ ...i, path: [index, ...i.path] })));
      });
      this.#rulesetIssues = issues;
    }
    if (changed.has('findings') && this.#active && !this.#findingById(this.#active.id)) {
      this.#active = null;
      this.#issues = [];
    }
  }

  protected override updated(): void {
    if (this.#focus === null) return;
    const id = this.#focus;
    this.#focus = null;
    // A finding the filter no longer shows (closed under "not closed") leaves the heading of the list.
    const target =
      this.renderRoot.querySelector<HTMLElement>(id) ?? this.renderRoot.querySelector<HTMLElement>('#title');
    target?.focus();
  }

  override render(): TemplateResult {
    const m = MESSAGES[this.locale];
    const { valid: findings, issues } = this.#checkFindings();
    const notList = issues.length > 0 && issues[0]!.path.length === 0;
    const skipped = new Set(issues.map((i) => i.path[0])).size;
    const today = this.today;
    const summary = summarizeFindings(findings, today);
    const shown = this.#sorted(findings, today).filter(({ finding, days }) => {
      if (this.filter === 'open') return finding.status !== 'closed';
      if (this.filter === 'overdue') return days > 0;
      if (this.filter === 'closed') return finding.status === 'closed';
      return true;
    });
    return html`<section part="base" class="base" aria-labelledby="title">
      <header part="header" class="header">
        <h2 id="title" class="title" tabindex="-1">${m.title}</h2>
        <dl part="summary" class="summary">
          ${(['total', 'open', 'overdue', 'closed'] as const).map(
            (key) =>
              html`<div class="count ${key}" data-count=${key}>
                <dt>${m.counts[key]}</dt>
                <dd>${summary.all[key]}</dd>
              </div>`,
          )}
        </dl>
        <p class="as-of muted">${m.asOf(today)}</p>
        <label class="filter-label"
          >${m.show}
          <select part="filter input" class="filter" .value=${this.filter} @change=${this.#onFilter}>
            ${FILTERS.map((f) => html`<option value=${f} ?selected=${f === this.filter}>${m.filters[f]}</option>`)}
          </select>
        </label>
      </header>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="live">
        ${this.#announcement}
      </div>
      ${this.#renderIssues(notList ? m.invalidFindings : m.notFindings(skipped), issues, m)}
      ${this.#renderIssues(m.invalidRulesets, this.#rulesetIssues, m)}
      ${this.#renderIssues(m.invalidDate, summary.issues, m)}
      ${
        findings.length === 0
          ? html`<p class="empty">${m.empty}</p>`
          : shown.length === 0
            ? html`<p class="empty">${m.noneShown}</p>`
            : html`<ul part="list" class="list">
                ${shown.map(({ finding, days, index }) => this.#renderFinding(finding, days, index, m))}
              </ul>`
      }
    </section>`;
  }

  /** Input that cannot be used, shown as the form shows an invalid ruleset. */
  #renderIssues(title: string, issues: readonly Issue[], m: FindingsMessages): TemplateResult | typeof nothing {
    if (issues.length === 0) return nothing;
    return html`<div role="alert" class="errors input-errors">
      <p class="errors-title">${title}</p>
      <ul>
        ${issueItems(issues, this.locale, m.moreIssues)}
      </ul>
    </div>`;
  }

  #renderFinding(f: Finding, days: number, index: number, m: FindingsMessages): TemplateResult {
    const locale = this.locale;
    const key = `f${index}`;
    const title = localize(f.title, locale);
    const active = this.#active?.id === f.id ? this.#active : null;
    const level = f.majorHazard ? 'majorHazard' : f.severity;
    const [open, separator, close] = m.byAt;
    const byAt = (by: string, at: string) => html`${open}${by}${separator}<time datetime=${at}>${at}</time>${close}`;
    return html`<li
      part="finding"
      class="finding ${f.status} ${days > 0 ? 'overdue' : ''} ${level}"
      data-finding=${f.id}
      data-status=${f.status}
    >
      <article aria-labelledby="${key}-title">
        <div class="finding-head">
          <h3 id="${key}-title" class="finding-title" tabindex="-1">${title}</h3>
          <span part="status" class="badge status ${f.status}" data-status=${f.status}>${m.status[f.status]}</span>
          ${
            f.majorHazard
              ? html`<span class="badge fail">${m.majorHazard}</span>`
              : html`<span class="badge ${f.severity === 'major' ? 'major' : 'outline'}"
                  >${f.severity === 'major' ? m.major : m.general}</span
                >`
          }
          ${days > 0 ? html`<span part="overdue" class="badge fail overdue-badge">${m.overdueBy(days)}</span>` : nothing}
        </div>
        <dl class="facts">
          <div>
            <dt>${m.enterprise}</dt>
            <dd>${f.enterprise.name}</dd>
          </div>
          <div>
            <dt>${m.found}</dt>
            <dd><time datetime=${f.found}>${f.found}</time></dd>
          </div>
          <div part="due" class="due ${days > 0 ? 'late' : ''}">
            <dt>${m.due}</dt>
            <dd>${f.due ? html`<time datetime=${f.due}>${f.due}</time>` : m.noDue}</dd>
          </div>
          ${
            f.assignee
              ? html`<div>
                  <dt>${m.assignee}</dt>
                  <dd>${f.assignee}</dd>
                </div>`
              : nothing
          }
          ${
            f.verifier
              ? html`<div>
                  <dt>${m.verifier}</dt>
                  <dd>${f.verifier}</dd>
                </div>`
              : nothing
          }
          <div>
            <dt>${m.inspector}</dt>
            <dd>${f.inspector}</dd>
          </div>
        </dl>
        <p part="explanation" class="explanation">
          <strong>${m.why}${m.colon}</strong>${localize(f.explanation, locale)}
        </p>
        ${
          f.majorHazard?.title
            ? html`<p class="muted criterion">${m.majorHazard}${m.colon}${localize(f.majorHazard.title, locale)}</p>`
            : nothing
        }
        ${
          f.rectification
            ? html`<p class="rectification">
                <strong>${m.rectification}${m.colon}</strong>${f.rectification.action}${byAt(
                  f.rectification.by,
                  f.rectification.at,
                )}
                ${
                  f.rectification.evidence.length > 0
                    ? html`<br /><span class="muted"
                          >${m.evidence}${m.colon}${f.rectification.evidence.join(m.listSeparator)}</span
                        >`
                    : nothing
                }
              </p>`
            : nothing
        }
        ${
          f.verification && !f.verification.passed
            ? html`<p class="verification-failed">
                <strong>${m.verificationFailed}</strong>${byAt(f.verification.by, f.verification.at)}${
                  f.verification.explanation ? html`${m.colon}${localize(f.verification.explanation, locale)}` : nothing
                }
              </p>`
            : f.verification
              ? html`<p class="verification-passed">
                  <strong>${m.verificationPassed}</strong>${byAt(f.verification.by, f.verification.at)}
                </p>`
              : nothing
        }
        ${
          f.closed
            ? html`<p class="closed-by"><strong>${m.closedBy}</strong>${byAt(f.closed.by, f.closed.at)}</p>`
            : nothing
        }
        ${this.#renderActions(f, key, title, active, m)}
        ${active ? this.#renderForm(f, key, title, active, m) : nothing}
      </article>
    </li>`;
  }

  #renderActions(
    f: Finding,
    key: string,
    title: string,
    active: ActiveForm | null,
    m: FindingsMessages,
  ): TemplateResult | typeof nothing {
    const commands = findingActions(f);
    if (commands.length === 0) return nothing;
    return html`<div part="actions" class="actions" role="group" aria-label=${m.actions(title)}>
      ${commands.map((command) => {
        const name = this.#commandName(f, command, m);
        const open = active?.command === command;
        return html`<button
          type="button"
          part="button"
          class="button ${command === 'verify' || command === 'close' ? '' : 'secondary'}"
          id="${key}-${command}-button"
          data-command=${command}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${open ? `${key}-form` : nothing}
          aria-label=${m.commandOn(name, title)}
          @click=${() => this.#open(f, command, key)}
        >
          ${name}
        </button>`;
      })}
    </div>`;
  }

  #commandName(f: Finding, command: FindingCommand, m: FindingsMessages): string {
    return command === 'assign' && f.status === 'assigned' ? m.reassign : m.commands[command];
  }

  #renderForm(f: Finding, key: string, title: string, active: ActiveForm, m: FindingsMessages): TemplateResult {
    const name = this.#commandName(f, active.command, m);
    const invalid = new Set(this.#issues.map((i) => this.#controlName(active.command, i)));
    const ctl = (id: string) => `${key}-${id.replace(/[^\w-]/g, '_')}`;
    const described = (id: string, hint = false) =>
      [hint ? `${ctl(id)}-hint` : '', invalid.has(id) ? `${key}-errors` : ''].filter(Boolean).join(' ') || nothing;
    const text = (
      id: string,
      label: string,
      options: { required?: boolean; value?: string; type?: string; hint?: string; multiline?: boolean } = {},
    ) =>
      html`<div class="control ${invalid.has(id) ? 'has-error' : ''}">
        <label for=${ctl(id)}>${label}<span class="muted">${options.required ? m.required : m.optional}</span></label>
        ${options.hint ? html`<p class="hint muted" id="${ctl(id)}-hint">${options.hint}</p>` : nothing}
        ${
          options.multiline
            ? html`<textarea
                part="input"
                id=${ctl(id)}
                name=${id}
                rows="3"
                ?required=${options.required}
                aria-invalid=${invalid.has(id) ? 'true' : 'false'}
                aria-describedby=${described(id, Boolean(options.hint))}
                .value=${options.value ?? ''}
              ></textarea>`
            : html`<input
                part="input"
                id=${ctl(id)}
                name=${id}
                type=${options.type ?? 'text'}
                ?required=${options.required}
                aria-invalid=${invalid.has(id) ? 'true' : 'false'}
                aria-describedby=${described(id, Boolean(options.hint))}
                value=${options.value ?? ''}
              />`
        }
      </div>`;
    const by = text('by', m.by, { required: true, value: this.user });
    let body: TemplateResult;
    let canSubmit = true;
    switch (active.command) {
      case 'assign':
        body = html`${text('assignee', m.assignee, { required: true, value: f.assignee ?? '' })}
        ${text('due', m.due, {
          type: 'date',
          required: f.tracking.dueDays === null && !f.due,
          value: f.due ?? '',
          hint: m.dueHint,
        })}
        ${text('verifier', m.verifier, {
          required: f.tracking.namedVerifier,
          value: f.verifier ?? '',
          hint: m.verifierHint,
        })}
        ${by} ${text('note', m.note, { multiline: true })}`;
        break;
      case 'rectify':
        body = html`${text('action', m.action, { required: true, multiline: true })}
        ${text('evidence', m.evidence, { multiline: true, hint: m.evidenceHint })} ${by}
        ${text('note', m.note, { multiline: true })}`;
        break;
      case 'verify': {
        const ruleset = this.#rulesetOf(f);
        canSubmit = ruleset !== null;
        body = ruleset
          ? html`<p class="muted">${m.verifyIntro}</p>
              ${this.#renderVerifyFields(f, ruleset, ctl, invalid, described, m)} ${by}
              ${text('note', m.note, { multiline: true })}`
          : html`<p class="no-ruleset" role="note">${m.noRuleset}</p>`;
        break;
      }
      case 'close':
        body = html`${by} ${text('note', m.note, { multiline: true })}`;
        break;
      case 'reopen':
        body = html`${text('reason', m.reason, { required: true, multiline: true })} ${by}`;
        break;
    }
    return html`<form
      part="form"
      class="form"
      id="${key}-form"
      novalidate
      aria-labelledby="${key}-form-title"
      data-command=${active.command}
      @submit=${(e: SubmitEvent) => this.#submit(e, f, key)}
      @keydown=${(e: KeyboardEvent) => this.#onFormKey(e, key)}
    >
      <h4 id="${key}-form-title" class="form-title">${m.formTitle(name, title)}</h4>
      ${
        this.#issues.length > 0
          ? html`<div part="error" class="errors" id="${key}-errors" role="alert" tabindex="-1">
              <p class="errors-title">${m.refused}</p>
              <ul>
                ${this.#issues.map((i) => html`<li data-code=${i.code}>${localize(i.message, this.locale)}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${body}
      <div class="form-buttons">
        ${canSubmit ? html`<button type="submit" part="button" class="button">${m.submit(name)}</button>` : nothing}
        <button type="button" part="button" class="button secondary" @click=${() => this.#cancel(key)}>
          ${m.cancel}
        </button>
      </div>
    </form>`;
  }

  #renderVerifyFields(
    f: Finding,
    ruleset: Ruleset,
    ctl: (id: string) => string,
    invalid: ReadonlySet<string>,
    described: (id: string, hint?: boolean) => string | typeof nothing,
    m: FindingsMessages,
  ): TemplateResult[] {
    const locale = this.locale;
    const before = this.#answersBefore(f);
    const controls: TemplateResult[] = [];
    if (f.judgment) {
      const id = `answer:${f.item}`;
      const current = before[f.item];
      const verdict = typeof current === 'object' && current ? (current as { verdict?: string }).verdict : current;
      controls.push(
        html`<div class="control ${invalid.has(id) ? 'has-error' : ''}">
          <label for=${ctl(id)}>${m.verdict}<span class="muted">${m.required}</span></label>
          <select
            part="input"
            id=${ctl(id)}
            name=${id}
            required
            aria-invalid=${invalid.has(id) ? 'true' : 'false'}
            aria-describedby=${described(id)}
          >
            <option value="">${m.choose}</option>
            ${VERDICTS.map((v) => html`<option value=${v} ?selected=${verdict === v}>${m.verdicts[v]}</option>`)}
          </select>
        </div>`,
      );
    }
    for (const field of verificationFields(ruleset, f.item)) {
      const id = `answer:${field.id}`;
      const value = controlText(field, before[field.id]);
      const label = localize(field.label, locale);
      const required = field.required ? m.required : m.optional;
      const common = {
        id: ctl(id),
        invalid: invalid.has(id) ? 'true' : 'false',
        describedBy: described(id, field.type === 'codes' || field.help !== undefined),
      };
      const hint =
        field.type === 'codes' || field.help
          ? html`<p class="hint muted" id="${ctl(id)}-hint">
              ${field.help ? localize(field.help, locale) : ''} ${field.type === 'codes' ? m.codesHint : ''}
            </p>`
          : nothing;
      let control: TemplateResult;
      if (field.type === 'boolean' || field.type === 'choice') {
        const options =
          field.type === 'boolean'
            ? [
                { value: 'true', text: m.yes },
                { value: 'false', text: m.no },
              ]
            : field.options.map((o) => ({ value: o.value, text: localize(o.label, locale) }));
        control = html`<select
          part="input"
          id=${common.id}
          name=${id}
          aria-invalid=${common.invalid}
          aria-describedby=${common.describedBy}
        >
          <option value="">${m.choose}</option>
          ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.text}</option>`)}
        </select>`;
      } else {
        const type = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
        control = html`<input
            part="input"
            id=${common.id}
            name=${id}
            type=${type}
            step=${field.type === 'number' ? 'any' : nothing}
            aria-invalid=${common.invalid}
            aria-describedby=${common.describedBy}
            value=${value}
          />${field.type === 'number' && field.unit ? html` <span class="unit">${field.unit}</span>` : nothing}`;
      }
      controls.push(
        html`<div class="control ${invalid.has(id) ? 'has-error' : ''}" data-field=${field.id}>
          <label for=${common.id}>${label}<span class="muted">${required}</span></label>
          ${hint} ${control}
        </div>`,
      );
    }
    return controls;
  }

  // ——— handlers ———

  #onFilter = (e: Event): void => {
    const value = (e.target as HTMLSelectElement).value as FindingsFilter;
    this.filter = FILTERS.includes(value) ? value : 'all';
  };

  #open(f: Finding, command: FindingCommand, key: string): void {
    if (this.#active?.id === f.id && this.#active.command === command) {
      this.#cancel(key);
      return;
    }
    this.#active = { id: f.id, command };
    this.#issues = [];
    this.#focus = `#${key}-form input, #${key}-form textarea, #${key}-form select, #${key}-form button`;
    this.requestUpdate();
  }

  #cancel(key: string): void {
    const command = this.#active?.command;
    this.#active = null;
    this.#issues = [];
    if (command) this.#focus = `#${key}-${command}-button`;
    this.requestUpdate();
  }

  #onFormKey(e: KeyboardEvent, key: string): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.#cancel(key);
  }

  #submit(e: SubmitEvent, f: Finding, key: string): void {
    e.preventDefault();
    const active = this.#active;
    if (!active) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const get = (name: string): string => {
      const v = data.get(name);
      return typeof v === 'string' ? v.trim() : '';
    };
    const opt = (name: string): string | undefined => get(name) || undefined;
    const base = { by: get('by'), at: this.date || localDateTime(new Date()), note: opt('note') };
    let result: FindingTransition;
    switch (active.command) {
      case 'assign':
        result = assignFinding(f, { ...base, assignee: get('assignee'), due: opt('due'), verifier: opt('verifier') });
        break;
      case 'rectify':
        result = rectifyFinding(f, {
          ...base,
          action: get('action'),
          evidence: get('evidence')
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter(Boolean),
        });
        break;
      case 'verify': {
        const ruleset = this.#rulesetOf(f);
        if (!ruleset) return;
        result = verifyFinding(f, { ...base, ruleset, answers: this.#answersFrom(f, ruleset, data) });
        break;
      }
      case 'close':
        result = closeFinding(f, base);
        break;
      case 'reopen':
        result = reopenFinding(f, { ...base, reason: get('reason') });
        break;
    }
    if (!result.ok) {
      this.#issues = result.issues;
      this.#focus = `#${key}-errors`;
      this.requestUpdate();
      return;
    }
    // Every entry stays where it was, the ones that are not findings too: the host stores this list.
    const given: readonly unknown[] = Array.isArray(this.findings) ? this.findings : [];
    const findings = given.map((x) => (x === f ? result.finding : x)) as Finding[];
    const event = new SafecheckTransitionEvent({ finding: result.finding, previous: f, event: result.event, findings });
    if (!this.dispatchEvent(event)) return;
    const m = MESSAGES[this.locale];
    const title = localize(f.title, this.locale);
    const recorded = result.event;
    this.#announcement =
      recorded.action === 'assigned'
        ? m.assigned(title, recorded.assignee)
        : recorded.action === 'verified'
          ? m.verified(title)
          : recorded.action === 'verification_failed'
            ? m.verificationFailedNotice(title)
            : m.done(this.#commandName(f, active.command, m), title);
    this.#active = null;
    this.#issues = [];
    this.findings = findings;
    this.#focus = `#${key}-title`;
  }

  // ——— helpers ———

  #findingById(id: string): Finding | undefined {
    return this.#checkFindings().valid.find((f) => f.id === id);
  }

  /** The entries that are findings, and issues for the rest; checked once per `findings` value. */
  #checkFindings(): { valid: readonly Finding[]; issues: readonly Issue[] } {
    const value: unknown = this.findings ?? [];
    if (this.#checked.value === value) return this.#checked;
    const valid: Finding[] = [];
    let issues: Issue[] = [];
    if (!Array.isArray(value)) issues = shapeIssues(value, [FINDING]);
    else {
      value.forEach((entry: unknown, index) => {
        const found = shapeIssues(entry, FINDING, [index]);
        if (found.length === 0) valid.push(entry as Finding);
        else issues.push(...found);
      });
    }
    this.#checked = { value, valid, issues };
    return this.#checked;
  }

  /** The issue's control: the first step of its path, answers under `answer:`. */
  #controlName(command: FindingCommand, i: Issue): string {
    const first = i.path[0];
    if (command === 'verify' && typeof first === 'string' && !['by', 'at', 'note', 'answers', 'date'].includes(first))
      return `answer:${first}`;
    return String(first ?? '');
  }

  /** The ruleset to verify with: the finding's version, else the latest of its id. */
  #rulesetOf(f: Finding): Ruleset | null {
    const same = this.#rulesets.filter((r) => r.id === f.ruleset.id);
    const exact = same.find((r) => r.version === f.ruleset.version);
    if (exact) return exact;
    return same.sort((a, b) => compareVersions(b.version, a.version))[0] ?? null;
  }

  /** The answers a verifier starts from: the last failed verification's, else the inputs when found. */
  #answersBefore(f: Finding): Record<string, unknown> {
    if (f.verification && !f.verification.passed) return { ...f.verification.answers };
    return Object.fromEntries(f.inputs.map((i) => [i.field, i.value]));
  }

  /** The verifier's answers, from the form, typed as the fields want them. */
  #answersFrom(f: Finding, ruleset: Ruleset, data: FormData): Record<string, unknown> {
    const answers: Record<string, unknown> = {};
    const before = this.#answersBefore(f);
    const read = (name: string): string => {
      const v = data.get(`answer:${name}`);
      return typeof v === 'string' ? v.trim() : '';
    };
    if (f.judgment && read(f.item)) answers[f.item] = read(f.item);
    for (const field of verificationFields(ruleset, f.item)) {
      const raw = read(field.id);
      if (raw === '') continue;
      switch (field.type) {
        case 'boolean':
          answers[field.id] = raw === 'true';
          break;
        case 'number': {
          const n = Number(raw);
          const old = before[field.id];
          const unit = old && typeof old === 'object' && 'unit' in old ? (old as { unit: unknown }).unit : undefined;
          answers[field.id] = typeof unit === 'string' ? { value: n, unit } : n;
          break;
        }
        case 'codes':
          answers[field.id] = raw.split(CODE_SEPARATORS).filter(Boolean);
          break;
        default:
          answers[field.id] = raw;
      }
    }
    return answers;
  }

  /** Findings with their overdue days: overdue first (most days first), then open by due date, closed last. */
  #sorted(findings: readonly Finding[], today: string): { finding: Finding; days: number; index: number }[] {
    const rank = (s: FindingStatus) => (s === 'closed' ? 2 : s === 'verified' ? 1 : 0);
    return findings
      .map((finding, index) => ({ finding, days: daysOverdue(finding, today), index }))
      .sort(
        (a, b) =>
          rank(a.finding.status) - rank(b.finding.status) ||
          b.days - a.days ||
          (a.finding.due ?? '9999').localeCompare(b.finding.due ?? '9999') ||
          a.index - b.index,
      );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'safecheck-findings': SafecheckFindings;
  }
}
