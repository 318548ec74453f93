// A report as text an inspector reads, in zh-CN or en.
import {
  formatPath,
  formatValue,
  localize,
  type ItemStatus,
  type Locale,
  type Report,
  type Ruleset,
} from '../index.js';
import { speaker } from './io.js';

const MARK: Record<ItemStatus, string> = { pass: '✓', fail: '✗', not_applicable: '–', incomplete: '?' };

/** The report of `safecheck evaluate`, as text. */
export function renderReport(report: Report, ruleset: Ruleset, locale: Locale): string {
  const say = speaker(locale);
  const l = (t: { 'zh-CN': string; en: string }) => localize(t, locale);
  const status: Record<ItemStatus, string> = {
    pass: say('符合', 'pass'),
    fail: say('不符合', 'FAIL'),
    not_applicable: say('不适用', 'not applicable'),
    incomplete: say('信息不全', 'incomplete'),
  };
  const outcome = { pass: say('通过', 'pass'), fail: say('不通过', 'fail'), incomplete: say('信息不全', 'incomplete') };
  const colon = say('：', ': ');
  const lines: string[] = [];
  lines.push(`${l(report.ruleset.title)}  ${report.ruleset.id} ${report.ruleset.version}`);
  lines.push(`${say('检查日期', 'Date')}${colon}${report.date ?? say('（未给出）', '(none given)')}`);
  const label = report.outcomeLabel
    ? `${l(report.outcomeLabel)}（${outcome[report.outcome]}）`
    : outcome[report.outcome];
  lines.push(
    `${say('结论', 'Outcome')}${colon}${locale === 'en' ? label.replace('（', ' (').replace('）', ')') : label}`,
  );
  const s = report.score;
  if (s) {
    const forced =
      s.overrides.length > 0
        ? say('，一票否决：', '; overridden by: ') +
          s.overrides
            .map(
              (o) =>
                `${l(o.title)}${o.explanation ? say(`（${l(o.explanation.text)}）`, ` (${l(o.explanation.text)})`) : ''}`,
            )
            .join(say('、', ', '))
        : '';
    const partial = s.complete ? '' : say('（尚缺输入，得分可能变化）', ' (inputs missing: the score may change)');
    lines.push(
      `${say('得分', 'Score')}${colon}${s.score} / ${s.start}${say('，分级：', ' · band: ')}${l(s.band.label)}${forced}${partial}`,
    );
    for (const p of s.projects) {
      if (p.lines.length === 0) continue;
      const capped = p.capped ? say(`（封顶 ${p.cap}）`, ` (capped at ${p.cap})`) : '';
      lines.push(`  ${l(p.title)}${colon}-${p.deducted}${p.bonus ? ` +${p.bonus}` : ''}${capped}`);
      for (const line of p.lines) {
        const times = line.count !== 1 ? ` × ${line.count}` : '';
        lines.push(`    ${line.effect === 'deduct' ? '-' : '+'}${line.total}  ${l(line.title)}${times}`);
      }
    }
  }
  if (report.majorHazards.length > 0) {
    lines.push(`${say('重大隐患', 'Major hazards')}${colon}`);
    for (const m of report.majorHazards) {
      lines.push(`  ! ${m.criterion}${m.criterionTitle ? ` ${l(m.criterionTitle)}` : ''} — ${l(m.title)} [${m.item}]`);
    }
  }

  const items = new Map(ruleset.items.map((it) => [it.id, it]));
  const fields = new Map(ruleset.fields.map((f) => [f.id, f]));
  const bySection = new Map<string, Report['items'][number][]>();
  for (const it of report.items) bySection.set(it.section, [...(bySection.get(it.section) ?? []), it]);
  const parents = new Map(ruleset.sections.map((s) => [s.id, s.parent]));
  const depth = (id: string): number => {
    let d = 0;
    for (let p = parents.get(id); p !== undefined && d < 10; p = parents.get(p)) d++;
    return d;
  };
  for (const section of ruleset.sections) {
    const list = bySection.get(section.id);
    const indent = '  '.repeat(depth(section.id));
    if (!list && !ruleset.sections.some((s) => s.parent === section.id)) continue;
    lines.push('', `${indent}${l(section.title)}`);
    for (const it of list ?? []) {
      const unverified =
        it.provenance === 'unverified' && it.status !== 'not_applicable' ? say('  ⚠未核实', '  ⚠unverified') : '';
      const major = it.severity === 'major' ? say('  [重大]', '  [major]') : '';
      lines.push(`${indent}  ${MARK[it.status]} ${l(it.title)}  [${it.id}]  ${status[it.status]}${major}${unverified}`);
      const ex = it.explanation;
      if (ex) {
        lines.push(`${indent}      ${l(ex.text)}`);
        if (it.status === 'fail') {
          const guidance = items.get(it.id)?.guidance;
          if (guidance) lines.push(`${indent}      ${say('整改：', 'rectify: ')}${l(guidance)}`);
        }
      }
    }
  }
  const c = report.totals.all;
  lines.push(
    '',
    say(
      `合计 ${c.total} 项：符合 ${c.pass}，不符合 ${c.fail}，不适用 ${c.not_applicable}，信息不全 ${c.incomplete}`,
      `${c.total} items: ${c.pass} pass, ${c.fail} fail, ${c.not_applicable} not applicable, ${c.incomplete} incomplete`,
    ),
  );
  if (report.unverifiedItems > 0) {
    lines.push(
      say(
        `其中 ${report.unverifiedItems} 项的条文未经核实（标 ⚠），请勿当作官方原文`,
        `${report.unverifiedItems} of them rest on unverified wording (marked ⚠): not official text`,
      ),
    );
  }
  if (report.record) {
    lines.push('', say('装货记录', 'Record'));
    for (const [id, value] of Object.entries(report.record.values)) {
      const f = fields.get(id);
      lines.push(`  ${f ? l(f.label) : id}${colon}${formatValue(value, locale, f)}`);
    }
    if (report.record.retention) lines.push(`  ${say('保存：', 'keep: ')}${l(report.record.retention)}`);
  }
  if (report.issues.length > 0) {
    lines.push('', say('答案中的问题', 'Problems with the answers'));
    for (const i of report.issues) {
      const sev = i.severity === 'error' ? say('错误', 'error') : say('警告', 'warning');
      lines.push(`  ${sev}  ${i.code}  ${formatPath(i.path)}  ${l(i.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
