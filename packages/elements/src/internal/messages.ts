import type { ItemStatus, Locale, Outcome } from '@safecheck/core';

/** The elements' own words (the ruleset brings the rest), per locale. */
export interface Messages {
  readonly loading: string;
  readonly loadFailed: (detail: string) => string;
  readonly invalidRuleset: string;
  readonly invalidReport: string;
  readonly noRuleset: string;
  readonly progress: (answered: number, total: number) => string;
  readonly progressLabel: string;
  readonly sections: string;
  readonly navCounts: (fails: number, unanswered: number) => string;
  readonly yes: string;
  readonly no: string;
  readonly choose: string;
  readonly optional: string;
  readonly codesHint: string;
  readonly verdicts: Readonly<Record<'compliant' | 'noncompliant' | 'not_applicable', string>>;
  readonly judgmentLegend: string;
  readonly note: string;
  readonly status: Readonly<Record<ItemStatus, string>>;
  readonly outcome: Readonly<Record<Outcome, string>>;
  readonly major: string;
  readonly majorHazard: string;
  readonly unverified: string;
  readonly unverifiedNote: (n: number) => string;
  readonly guidance: string;
  readonly basis: string;
  readonly why: string;
  readonly missingInputs: string;
  readonly previous: string;
  readonly next: string;
  readonly review: string;
  readonly reviewTitle: string;
  readonly reviewIntro: string;
  readonly change: string;
  readonly changeLabel: (what: string) => string;
  readonly blank: string;
  readonly submit: string;
  readonly submitted: string;
  readonly backToForm: string;
  readonly errorSummaryTitle: string;
  readonly moreErrors: (n: number) => string;
  readonly required: (label: string) => string;
  readonly judgmentRequired: (title: string) => string;
  readonly draftRestored: (when: string) => string;
  readonly draftRestoredUndated: string;
  readonly draftUnreadable: string;
  readonly draftSaveFailed: string;
  readonly discardDraft: string;
  readonly discardQuestion: (answered: number) => string;
  readonly discardConfirm: string;
  readonly discardCancel: string;
  readonly draftDiscarded: string;
  readonly verdictChanged: (title: string, status: string) => string;
  readonly manyChanged: (n: number) => string;
  readonly itemsHeading: string;
  readonly report: string;
  readonly date: string;
  readonly version: string;
  readonly score: string;
  readonly band: string;
  readonly scoreBandNote: (label: string) => string;
  readonly overrides: string;
  readonly deductions: string;
  readonly bonuses: string;
  readonly points: (n: string) => string;
  readonly cap: (n: string) => string;
  readonly capped: string;
  readonly scoreIncomplete: string;
  readonly majorHazards: string;
  readonly fails: string;
  readonly noFails: string;
  readonly incompleteItems: string;
  readonly totals: string;
  readonly record: string;
  readonly retention: string;
  readonly print: string;
  readonly issues: string;
  /** Punctuation: zh-CN takes full-width marks, English ASCII ones. */
  readonly colon: string;
  readonly listSeparator: string;
  readonly clauseSeparator: string;
  readonly withNote: (text: string, note: string) => string;
  readonly comma: string;
}

const zh: Messages = {
  loading: '正在加载检查表…',
  loadFailed: (d) => `检查表加载失败：${d}`,
  invalidRuleset: '检查表无效，不能使用：',
  invalidReport: '检查报告无效，不能显示：',
  noRuleset: '未指定检查表。',
  progress: (a, t) => `已填写 ${a} / ${t}`,
  progressLabel: '填写进度',
  sections: '章节',
  navCounts: (f, u) =>
    [f > 0 ? `${f} 项不合格` : '', u > 0 ? `${u} 项未填` : ''].filter(Boolean).join('，') || '已完成',
  yes: '是',
  no: '否',
  choose: '请选择',
  optional: '（选填）',
  codesHint: '多个代码用逗号或空格分隔',
  verdicts: { compliant: '符合', noncompliant: '不符合', not_applicable: '不适用' },
  judgmentLegend: '检查结论',
  note: '备注',
  status: { pass: '合格', fail: '不合格', not_applicable: '不适用', incomplete: '待填写' },
  outcome: { pass: '通过', fail: '不通过', incomplete: '信息不全' },
  major: '重要',
  majorHazard: '重大隐患',
  unverified: '条文待核实',
  unverifiedNote: (n) => `有 ${n} 项检查的条文措辞尚未与官方文本核对，请以官方文本为准。`,
  guidance: '整改要求',
  basis: '依据',
  why: '原因',
  missingInputs: '尚需填写',
  previous: '上一部分',
  next: '下一部分',
  review: '检查答案',
  reviewTitle: '提交前请检查答案',
  reviewIntro: '请核对以下答案和检查结论，确认无误后提交。',
  change: '修改',
  changeLabel: (w) => `修改“${w}”`,
  blank: '（未填写）',
  submit: '确认并提交',
  submitted: '已提交。',
  backToForm: '返回修改',
  errorSummaryTitle: '请先处理以下问题',
  moreErrors: (n) => `另有 ${n} 个问题`,
  required: (l) => `请填写“${l}”`,
  judgmentRequired: (t) => `请对“${t}”作出检查结论`,
  draftRestored: (w) => `已恢复 ${w} 保存的草稿。`,
  draftRestoredUndated: '已恢复此前保存的草稿。',
  draftUnreadable: '此前保存的草稿未能读取，已忽略；您开始填写后，它将被新的答案替换。',
  draftSaveFailed: '草稿未能保存（浏览器存储已满或被禁用）。请勿关闭或刷新本页，并尽快提交。',
  discardDraft: '放弃草稿，重新填写',
  discardQuestion: (n) => `确定放弃草稿吗？已填写的 ${n} 项答案将全部清除，无法恢复。`,
  discardConfirm: '放弃草稿',
  discardCancel: '保留草稿',
  draftDiscarded: '草稿已放弃，请重新填写。',
  verdictChanged: (t, s) => `${t}：${s}`,
  manyChanged: (n) => `${n} 项检查结论已更新`,
  itemsHeading: '检查项',
  report: '检查报告',
  date: '检查日期',
  version: '版本',
  score: '得分',
  band: '等级',
  scoreBandNote: (l) => `按分数为“${l}”`,
  overrides: '直接判定',
  deductions: '扣分',
  bonuses: '加分',
  points: (n) => `${n} 分`,
  cap: (n) => `本项最多扣 ${n} 分`,
  capped: '已达扣分上限',
  scoreIncomplete: '信息不全，得分可能变化。',
  majorHazards: '重大隐患',
  fails: '不合格项',
  noFails: '未发现不合格项。',
  incompleteItems: '信息不全的检查项',
  totals: '统计',
  record: '记录',
  retention: '保存期限',
  print: '打印',
  issues: '答案中的问题',
  colon: '：',
  listSeparator: '、',
  clauseSeparator: '；',
  withNote: (t, n) => `${t}（${n}）`,
  comma: '，',
};

const en: Messages = {
  loading: 'Loading the checklist…',
  loadFailed: (d) => `The checklist could not be loaded: ${d}`,
  invalidRuleset: 'The checklist is invalid and cannot be used:',
  invalidReport: 'The report is invalid and cannot be shown:',
  noRuleset: 'No checklist given.',
  progress: (a, t) => `${a} of ${t} answered`,
  progressLabel: 'Progress',
  sections: 'Sections',
  navCounts: (f, u) =>
    [f > 0 ? `${f} failed` : '', u > 0 ? `${u} unanswered` : ''].filter(Boolean).join(', ') || 'complete',
  yes: 'Yes',
  no: 'No',
  choose: 'Choose',
  optional: '(optional)',
  codesHint: 'Separate codes with commas or spaces',
  verdicts: { compliant: 'Compliant', noncompliant: 'Not compliant', not_applicable: 'Not applicable' },
  judgmentLegend: 'Finding',
  note: 'Note',
  status: { pass: 'Pass', fail: 'Fail', not_applicable: 'Not applicable', incomplete: 'To answer' },
  outcome: { pass: 'Pass', fail: 'Fail', incomplete: 'Incomplete' },
  major: 'Major',
  majorHazard: 'Major hazard',
  unverified: 'Wording unverified',
  unverifiedNote: (n) =>
    `${n} ${n === 1 ? 'check rests' : 'checks rest'} on wording not yet checked against the official text; the official text prevails.`,
  guidance: 'Rectification',
  basis: 'Basis',
  why: 'Why',
  missingInputs: 'Still needed',
  previous: 'Previous section',
  next: 'Next section',
  review: 'Check your answers',
  reviewTitle: 'Check your answers before submitting',
  reviewIntro: 'Check the answers and the findings below, then submit.',
  change: 'Change',
  changeLabel: (w) => `Change “${w}”`,
  blank: '(blank)',
  submit: 'Confirm and submit',
  submitted: 'Submitted.',
  backToForm: 'Back to the form',
  errorSummaryTitle: 'There is a problem',
  moreErrors: (n) => `and ${n} more`,
  required: (l) => `Enter “${l}”`,
  judgmentRequired: (t) => `Give a finding for “${t}”`,
  draftRestored: (w) => `Your draft saved ${w} was restored.`,
  draftRestoredUndated: 'Your saved draft was restored.',
  draftUnreadable:
    'A saved draft could not be read and was ignored; once you start answering, your answers will replace it.',
  draftSaveFailed:
    'Your draft could not be saved (browser storage is full or turned off). Do not close or reload this page; submit as soon as you can.',
  discardDraft: 'Discard the draft and start again',
  discardQuestion: (n) =>
    `Discard the draft? Your ${n} ${n === 1 ? 'answer' : 'answers'} will be cleared; this cannot be undone.`,
  discardConfirm: 'Discard the draft',
  discardCancel: 'Keep the draft',
  draftDiscarded: 'The draft was discarded. Start again.',
  verdictChanged: (t, s) => `${t}: ${s}`,
  manyChanged: (n) => `${n} findings updated`,
  itemsHeading: 'Checks',
  report: 'Inspection report',
  date: 'Date',
  version: 'version',
  score: 'Score',
  band: 'Grade',
  scoreBandNote: (l) => `by score: “${l}”`,
  overrides: 'Decided regardless of score',
  deductions: 'Deductions',
  bonuses: 'Bonuses',
  points: (n) => `${n} pts`,
  cap: (n) => `at most ${n} pts deducted`,
  capped: 'cap reached',
  scoreIncomplete: 'Information missing: the score may change.',
  majorHazards: 'Major hazards',
  fails: 'Failed checks',
  noFails: 'No check failed.',
  incompleteItems: 'Checks missing information',
  totals: 'Totals',
  record: 'Record',
  retention: 'Retention',
  print: 'Print',
  issues: 'Problems with the answers',
  colon: ': ',
  listSeparator: ', ',
  clauseSeparator: '; ',
  withNote: (t, n) => `${t} (${n})`,
  comma: ', ',
};

const table: Readonly<Record<Locale, Messages>> = { 'zh-CN': zh, en };

/** The messages of a locale. */
export function messages(locale: Locale): Messages {
  return table[locale];
}

/** The supported locale of a BCP 47 tag: `en*` is English, anything else the default zh-CN. */
export function localeOf(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'zh-CN';
}

/** The language an element speaks: its own `lang`, else its nearest ancestor's (across shadow roots). */
export function elementLocale(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return localeOf(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'zh-CN';
}
