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
  return parsedJson(await rulesetJson(path));
}

/** A ruleset from JSON (a shipped one, or a changed copy). */
function parsedJson(json: unknown): Ruleset {
  const result = parseRuleset(json);
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

  it('lets sections break across printed pages, keeping each item, and each heading with its first item, together', async () => {
    // A checklist with many failures and major hazards: each section kept on one page left
    // pages nearly empty (19 A4 pages for 54 failures).
    const ruleset = await parsed('hazchem-checklist/1.0.0.json');
    const base = await caseOf('hazchem-checklist/1.0.0.cases.json', 'baseline-compliant');
    const answers: Record<string, unknown> = { ...base.answers };
    ruleset.items.filter((i) => i.judgment).forEach((i, n) => n % 5 === 0 && (answers[i.id] = 'noncompliant'));
    const result = evaluate(ruleset, answers, { date: base.date });
    expect(result.items.filter((i) => i.status === 'fail').length).to.be.greaterThan(40);
    expect(result.majorHazards.length).to.be.at.least(5);
    const report = await mount('safecheck-report', { report: result, ruleset });
    await emulateMedia({ media: 'print' });
    const sections = $$(report, 'section');
    expect(sections.length).to.be.greaterThan(5);
    for (const s of sections) {
      expect(getComputedStyle(s).breakInside, s.className).to.not.match(/^avoid/);
    }
    for (const kept of [...$$(report, '.item'), ...$$(report, '.hazards li'), ...$$(report, '.lines tr')]) {
      expect(getComputedStyle(kept).breakInside, kept.className).to.equal('avoid-page');
    }
    for (const heading of $$(report, 'h3, h4')) {
      expect(getComputedStyle(heading).breakAfter, heading.textContent!).to.equal('avoid-page');
    }
  });

  it('uses ASCII punctuation in English and full-width punctuation in Chinese', async () => {
    const ruleset = await parsed(LFC);
    const base = await caseOf('loading-five-checks/1.0.0.cases.json', 'baseline-all-valid');
    const result = evaluate(ruleset, { ...base.answers, 'goods.quantity': 31 }, { date: base.date });
    const report = await mount('safecheck-report', { report: result, ruleset }, { lang: 'en' });
    const text = (selector: string) => $(report, selector).textContent!.replace(/\s+/g, ' ').trim();
    // The report's own words: a basis quotes the ruleset's clause as written ("第9项（人员资质）").
    const ownText = () => {
      const copy = document.createElement('div');
      for (const child of report.shadowRoot!.children) copy.append(child.cloneNode(true));
      for (const basis of copy.querySelectorAll('.basis')) basis.remove();
      return copy.textContent!;
    };
    const fullWidth = /.{0,40}[：（）；、，].{0,40}/;
    expect(text('.title')).to.equal(`Inspection report: ${ruleset.title.en}`);
    expect(text('#fails-title')).to.equal('Failed checks (1)');
    const item = '[data-item="lfc.load-limit"]';
    expect(text(`${item} [part=explanation]`)).to.match(/^Why: \S/);
    expect(text(`${item} [part=guidance]`)).to.match(/^Rectification: \S/);
    expect(text(`${item} .basis`)).to.match(/^Basis: \S/);
    expect(ownText().match(fullWidth)?.[0]).to.equal(undefined);
    // A graded report in English: band note, cap note, record.
    const rg = await parsed(RG);
    const c = await caseOf('risk-grading/1.0.0.cases.json', 'cap-staff-exceeded');
    report.ruleset = rg;
    report.report = evaluate(rg, c.answers, { date: c.date });
    await settle(report);
    expect(ownText().match(fullWidth)?.[0]).to.equal(undefined);
    expect(text('[part=score]')).to.contain(' (at most 15 pts deducted, cap reached)');
    expect(text('[data-item="rg.staff.assessment"] .basis')).to.match(/^Basis: .* \(trial\) \(应急〔2018〕19号\) .*; /);
    // Chinese keeps full-width punctuation.
    report.ruleset = ruleset;
    report.report = result;
    report.lang = 'zh-CN';
    await settle(report);
    expect(text('.title')).to.equal(`检查报告：${ruleset.title['zh-CN']}`);
    expect(text('#fails-title')).to.equal('不合格项（1）');
    expect(text(`${item} [part=explanation]`)).to.match(/^原因：\S/);
    expect(text(`${item} [part=guidance]`)).to.match(/^整改要求：\S/);
    expect(text(`${item} .basis`)).to.match(/^依据：\S/);
  });

  it('states a project’s cap once', async () => {
    // 1.1.0's titles leave the cap to the scoring block ("人员资质"), which the report states.
    const ruleset = await parsed('risk-grading/1.1.0.json');
    const c = await caseOf('risk-grading/1.1.0.cases.json', 'cap-staff-exceeded');
    const report = await mount('safecheck-report', { report: evaluate(ruleset, c.answers, { date: c.date }), ruleset });
    const caption = (start: string) =>
      $$(report, '.lines caption')
        .map((el) => el.textContent!.replace(/\s+/g, ' ').trim())
        .find((t) => t.startsWith(start))!;
    expect(caption('人员资质')).to.contain('本项最多扣 15 分');
    expect(caption('人员资质')).to.contain('已达扣分上限');
    expect(caption('人员资质').match(/15/g)).to.have.length(1);
    report.lang = 'en';
    await settle(report);
    expect(caption('Staff').match(/15/g)).to.have.length(1);
  });

  it('says why a band was forced, with the override’s basis from the ruleset', async () => {
    const ruleset = await parsed(RG);
    const c = await caseOf('risk-grading/1.0.0.cases.json', 'override-r4-major-accident');
    const result = evaluate(ruleset, c.answers, { date: c.date });
    const report = await mount('safecheck-report', { report: result, ruleset });
    const r4 = $(report, '.overrides [data-override="r4"]');
    const text = () => r4.textContent!.replace(/\s+/g, ' ');
    expect(text()).to.contain(ruleset.scoring!.overrides![3]!.title['zh-CN']);
    expect(r4.querySelector('.basis')!.textContent!.replace(/\s+/g, ' ')).to.match(
      /^\s*依据：危险化学品生产储存企业安全风险评估诊断分级指南（试行）（应急〔2018〕19号） 直接判定为红色的情形 第4条/,
    );
    expect(r4.querySelector('.unverified')!.textContent).to.equal('条文待核实');
    // Which condition of its rule held, with the value read.
    expect(r4.querySelector('[part=explanation]')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(
      /^原因：满足：.*（1） ≥ 1$/,
    );
    // An override bound to items names the items that failed, with their explanation.
    const json = await rulesetJson(RG);
    const overrides = (json['scoring'] as { overrides: Record<string, unknown>[] }).overrides;
    overrides.push({
      id: 'r9',
      band: 'orange',
      title: { 'zh-CN': '主要负责人未经考核', en: 'Principal not assessed' },
      items: ['rg.staff.assessment'],
      basis: [{ document: { 'zh-CN': '某规定', en: 'A rule' }, clause: '第9条', status: 'verified' }],
    });
    const withItems = parsedJson(json);
    const staff = await caseOf('risk-grading/1.0.0.cases.json', 'cap-staff-exceeded');
    report.ruleset = withItems;
    report.report = evaluate(withItems, staff.answers, { date: staff.date });
    report.lang = 'en';
    await settle(report);
    const r9 = $(report, '.overrides [data-override="r9"]');
    expect(r9.textContent).to.contain('The principal and safety managers are assessed as qualified');
    expect(r9.querySelector('[part=explanation]')!.textContent!.trim()).to.match(/^Why: .*2/);
    expect(r9.querySelector('.basis')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Basis: A rule 第9条');
    expect(r9.querySelector('.unverified')).to.equal(null);
    await expectAccessible(report);
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
