import { evaluate, parseRuleset, type Ruleset } from '@safecheck/core';
import { emulateMedia } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../define/safecheck-report.js';
import { caseOf } from '../../test/cases.js';
import { $, $$, cleanup, expectAccessible, guardConsole, mount, rulesetJson, settle } from '../../test/helpers.js';
import { syntheticChecklist } from '../../test/synthetic.js';
import { SafecheckReport } from './safecheck-report.js';

const LFC = 'loading-five-checks/1.0.0.json';
const RG = 'risk-grading/1.0.0.json';

async function parsed(path: string): Promise<Ruleset> {
  const result = parseRuleset(await rulesetJson(path));
  if (!result.success) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result.ruleset;
}

describe('<safecheck-report>', () => {
  guardConsole();
  afterEach(async () => {
    cleanup();
    await emulateMedia({ media: 'screen' });
  });

  it('is registered by its define entry', () => {
    expect(customElements.get('safecheck-report')).to.equal(SafecheckReport);
  });

  it('shows the outcome large: REFUSE for failed loading checks, LOAD when all pass', async () => {
    const ruleset = await parsed(LFC);
    const base = await caseOf('loading-five-checks/1.0.0.cases.json', 'baseline-all-valid');
    const refuse = evaluate(ruleset, { ...base.answers, 'goods.quantity': 31 }, { date: base.date });
    const report = await mount('safecheck-report', { report: refuse, ruleset }, { lang: 'en' });
    const outcome = $(report, '[part=outcome]');
    expect(outcome.textContent).to.equal('REFUSE');
    expect(outcome.dataset['outcome']).to.equal('fail');
    const base16 = parseFloat(getComputedStyle(report).fontSize);
    expect(parseFloat(getComputedStyle(outcome).fontSize)).to.be.greaterThan(2 * base16);
    // The failure, with its explanation, guidance and basis.
    const item = $(report, '[data-item="lfc.load-limit"]');
    expect(item.querySelector('[part=explanation]')!.textContent).to.contain('31');
    expect(item.querySelector('[part=guidance]')!.textContent).to.contain(
      ruleset.items.find((i) => i.id === 'lfc.load-limit')!.guidance.en,
    );
    expect(item.querySelector('.basis')!.textContent).to.contain('Basis');
    // The loading record.
    expect($(report, '[part=record]').textContent).to.contain('Carrier');
    await expectAccessible(report);
    report.report = evaluate(ruleset, base.answers, { date: base.date });
    report.lang = 'zh-CN';
    await settle(report);
    expect($(report, '[part=outcome]').textContent).to.equal('准予充装/装载');
    expect($(report, '.fails').textContent).to.contain('未发现不合格项');
    await expectAccessible(report);
  });

  it('evaluates answers itself when given a ruleset, answers and a date', async () => {
    const base = await caseOf('loading-five-checks/1.0.0.cases.json', 'baseline-all-valid');
    const report = await mount('safecheck-report', {
      ruleset: await rulesetJson(LFC),
      answers: base.answers,
      date: base.date,
    });
    expect($(report, '[part=outcome]').textContent).to.equal('准予充装/装载');
    expect(report.shownReport!.outcome).to.equal('pass');
    report.answers = { ...base.answers, 'vehicle.rtc_valid_to': '2026-03-01' };
    await settle(report);
    expect($(report, '[part=outcome]').textContent).to.equal('拒绝充装/装载');
  });

  it('shows the score, the band as a colour badge, every deduction and bonus, and a forced band', async () => {
    const ruleset = await parsed(RG);
    const c = await caseOf('risk-grading/1.0.0.cases.json', 'override-r1-score-95');
    const result = evaluate(ruleset, c.answers, { date: c.date });
    const report = await mount('safecheck-report', { report: result, ruleset });
    const score = $(report, '[part=score]');
    expect(score.querySelector('.score-value strong')!.textContent).to.equal('95');
    const band = $(report, '[part=band]');
    const red = ruleset.scoring!.bands.find((b) => b.id === 'red')!;
    expect(band.textContent).to.equal(red.label['zh-CN']);
    expect(getComputedStyle(band).backgroundColor).to.equal('rgb(208, 49, 45)');
    expect(score.textContent).to.contain('按分数为'); // the band the score alone reaches
    expect($(report, '.overrides').textContent).to.contain(result.score!.overrides[0]!.title['zh-CN']);
    const lines = result.score!.projects.flatMap((p) => p.lines);
    expect($$(report, '.lines tbody tr')).to.have.length(lines.length);
    expect($(report, '.score-sum').textContent!.replace(/\s+/g, ' ')).to.contain('= 95');
    await expectAccessible(report);
  });

  it('lists bonuses as well as deductions', async () => {
    const ruleset = await parsed(RG);
    const c = await caseOf('risk-grading/1.0.0.cases.json', 'bonus-within-100');
    const report = await mount('safecheck-report', { report: evaluate(ruleset, c.answers, { date: c.date }), ruleset });
    expect($$(report, '.lines tr.bonus').length).to.be.greaterThan(0);
    expect($$(report, '.lines tr.deduct').length).to.be.greaterThan(0);
    expect($(report, '.lines tr.bonus .num:last-child').textContent).to.match(/^\+/);
  });

  it('puts major hazards first, and major-hazard failures first in their section', async () => {
    const ruleset = parseRuleset(syntheticChecklist(80, 2));
    if (!ruleset.success) throw new Error('synthetic ruleset invalid');
    const answers = Object.fromEntries(ruleset.ruleset.items.map((i) => [i.id, 'noncompliant']));
    const report = await mount('safecheck-report', {
      report: evaluate(ruleset.ruleset, { ...answers, 'company.has_tanks': true }),
      ruleset: ruleset.ruleset,
    });
    const hazards = $(report, '[part=hazards]');
    const fails = $(report, '.fails');
    expect(hazards.compareDocumentPosition(fails) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(hazards.querySelectorAll('li')).to.have.length(2); // syn-40 and syn-80
    const section = fails.querySelector('.hazard')!.closest('[part=section]')!;
    const first = section.querySelector('[part=item]')!;
    expect(first.classList.contains('hazard')).to.equal(true);
    expect(section.querySelectorAll('[part=item]').length).to.be.greaterThan(2);
    expect(first.textContent).to.contain('重大隐患');
  });

  it('marks items whose wording is unverified', async () => {
    const ruleset = await parsed(LFC);
    const report = await mount('safecheck-report', { report: evaluate(ruleset, {}), ruleset });
    const result = report.shownReport!;
    expect(result.unverifiedItems).to.be.greaterThan(0);
    expect($(report, '.unverified-note').textContent).to.contain(`${result.unverifiedItems} 项`);
    const marked = $$(report, '[part=item] .unverified');
    expect(marked.length).to.equal(
      result.items.filter((i) => i.status === 'incomplete' && i.provenance === 'unverified').length,
    );
    expect(marked[0]!.textContent).to.equal('条文待核实');
  });

  it('prints as a clean record: no print button, panels without fills', async () => {
    const ruleset = await parsed(RG);
    const c = await caseOf('risk-grading/1.0.0.cases.json', 'override-r1-score-95');
    const report = await mount('safecheck-report', { report: evaluate(ruleset, c.answers, { date: c.date }), ruleset });
    expect(getComputedStyle($(report, '.print')).display).to.not.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(report, '.print')).display).to.equal('none');
    expect(getComputedStyle($(report, '[part=score]')).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(getComputedStyle($(report, '[part=outcome]')).display).to.equal('block');
    expect(getComputedStyle($(report, '.item')).breakInside).to.equal('avoid-page');
  });

  it('shows a value that is not a report as its issues, in both languages, and never throws', async () => {
    for (const value of [{ outcome: 'pass' }, 'x', {}, [], 3]) {
      const report = await mount('safecheck-report', { report: value as never });
      expect($(report, '[role=alert]').textContent, JSON.stringify(value)).to.contain('检查报告无效');
      expect(report.reportIssues.length, JSON.stringify(value)).to.be.greaterThan(0);
      expect(report.shownReport).to.equal(null);
    }
    const report = await mount('safecheck-report', { report: { outcome: 'pass' } as never }, { lang: 'en' });
    expect($(report, '[role=alert]').textContent).to.contain('The report is invalid');
    expect(report.reportIssues.map((i) => i.path.join('.'))).to.include('items');
    await expectAccessible(report);
    // A report given later replaces the message.
    const ruleset = await parsed(LFC);
    report.report = evaluate(ruleset, {});
    await settle(report);
    expect(report.reportIssues).to.have.length(0);
    expect($(report, '[part=outcome]').dataset['outcome']).to.equal('incomplete');
  });

  it('shows an invalid ruleset as a list of issues, as the form does', async () => {
    const report = await mount('safecheck-report', { ruleset: { id: 'x' }, answers: { a: 1 } }, { date: '2026-03-13' });
    expect($(report, '[role=alert]').textContent).to.contain('检查表无效');
    expect(report.rulesetIssues.length).to.be.greaterThan(0);
    expect($$(report, '[role=alert] li').length).to.be.greaterThan(0);
    await expectAccessible(report);
    const nonsense = await mount('safecheck-report', { ruleset: 'nonsense' as never, answers: {} }, { lang: 'en' });
    expect($(nonsense, '[role=alert]').textContent).to.contain('The checklist is invalid');
    expect(nonsense.rulesetIssues.length).to.be.greaterThan(0);
  });

  it('takes a null ruleset as none, as a form gives it before loading', async () => {
    const ruleset = await parsed(LFC);
    const report = await mount('safecheck-report', { report: evaluate(ruleset, {}), ruleset: null }, { lang: 'en' });
    expect(report.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    expect(report.rulesetIssues).to.have.length(0);
    expect($(report, '[part=outcome]').dataset['outcome']).to.equal('incomplete');
  });

  it('renders ruleset text as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const rs = syntheticChecklist(3, 1) as Record<string, any>;
    rs.title = { 'zh-CN': evil, en: evil };
    rs.items[0].title = { 'zh-CN': evil, en: evil };
    rs.items[0].guidance = { 'zh-CN': evil, en: evil };
    rs.sections[1].title = { 'zh-CN': evil, en: evil };
    const ruleset = parseRuleset(rs);
    if (!ruleset.success) throw new Error('invalid');
    delete (window as { __pwned?: number }).__pwned;
    const report = await mount('safecheck-report', {
      report: evaluate(ruleset.ruleset, { 'syn-1': 'noncompliant' }),
      ruleset: ruleset.ruleset,
    });
    expect($(report, '.item-title').textContent).to.equal(evil);
    expect($(report, '[part=guidance]').textContent).to.contain(evil);
    expect(report.shadowRoot!.querySelector('img, script')).to.equal(null);
    await new Promise((r) => setTimeout(r, 100));
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
