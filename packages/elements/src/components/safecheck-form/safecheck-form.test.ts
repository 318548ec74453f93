import type { Answers } from '@safecheck/core';
import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../define/index.js';
import { SafecheckChangeEvent } from '../../events/safecheck-change-event.js';
import { SafecheckSubmitEvent } from '../../events/safecheck-submit-event.js';
import { draftKey } from '../../internal/drafts.js';
import {
  $,
  $$,
  cleanup,
  expectAccessible,
  guardConsole,
  mount,
  pick,
  rulesetJson,
  settle,
  showSectionOf,
  type,
  verdictOf,
} from '../../test/helpers.js';
import { SafecheckForm } from './safecheck-form.js';
import type { SafecheckReport } from '../safecheck-report/safecheck-report.js';

const LFC = 'loading-five-checks/1.0.0.json';
const DATE = '2026-03-13';

interface Case {
  id: string;
  date: string;
  answers: Record<string, unknown>;
}

async function loadingBaseline(): Promise<Record<string, unknown>> {
  const response = await fetch('/rulesets/loading-five-checks/1.0.0.cases.json');
  const file = (await response.json()) as { cases: Case[] };
  return file.cases.find((c) => c.id === 'baseline-all-valid')!.answers;
}

/** Every field type and a judgment item, with one field that only applies sometimes. */
function allTypes(): Record<string, unknown> {
  const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  const basis = [{ document: t('某规定', 'A regulation'), status: 'verified' }];
  const options = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ value: `o${i}`, label: t(`选项${i}`, `option ${i}`) }));
  return {
    id: 'all-types',
    version: '1.0.0',
    dialect: 1,
    validFrom: '2026-01-01',
    changelog: [{ version: '1.0.0', date: '2026-01-01', changes: t('首版', 'first') }],
    title: t('字段类型', 'Field types'),
    basis,
    sections: [
      { id: 'a', title: t('第一部分', 'Part one') },
      { id: 'a.sub', parent: 'a', title: t('子部分', 'Sub-part') },
      { id: 'b', title: t('第二部分', 'Part two') },
    ],
    fields: [
      { id: 'f.bool', section: 'a', type: 'boolean', label: t('布尔', 'Boolean') },
      { id: 'f.choice', section: 'a', type: 'choice', label: t('少选项', 'Few options'), options: options(3) },
      { id: 'f.select', section: 'a', type: 'choice', label: t('多选项', 'Many options'), options: options(8) },
      { id: 'f.num', section: 'a.sub', type: 'number', label: t('数量', 'Quantity'), unit: 't', min: 0 },
      { id: 'f.date', section: 'a.sub', type: 'date', label: t('日期', 'Date'), help: t('证件有效期', 'Expiry') },
      { id: 'f.text', section: 'b', type: 'text', label: t('文本', 'Text'), pattern: '[A-Z]+', required: false },
      { id: 'f.codes', section: 'b', type: 'codes', label: t('代码', 'Codes'), options: options(3) },
      { id: 'f.free', section: 'b', type: 'codes', label: t('自由代码', 'Free codes'), pattern: 'UN\\d{4}' },
      {
        id: 'f.when',
        section: 'b',
        type: 'text',
        label: t('条件字段', 'Conditional field'),
        appliesWhen: { '===': [{ var: 'f.bool' }, true] },
      },
    ],
    items: [
      {
        id: 'check-num',
        section: 'a.sub',
        title: t('数量不超过 10 吨', 'Quantity at most 10 t'),
        check: { '<=': [{ var: 'f.num' }, 10] },
        severity: 'major',
        guidance: t('减少装载量', 'Load less'),
        basis,
        provenance: 'verified',
      },
      {
        id: 'judge-1',
        section: 'b',
        title: t('现场整洁', 'Site is tidy'),
        judgment: true,
        severity: 'general',
        guidance: t('清理现场', 'Tidy up'),
        basis,
        provenance: 'unverified',
      },
      {
        id: 'only-when',
        section: 'b',
        title: t('仅在布尔为是时适用', 'Applies only when Boolean is yes'),
        appliesWhen: { '===': [{ var: 'f.bool' }, true] },
        check: { '!!': [{ var: 'f.when' }] },
        severity: 'general',
        guidance: t('填写', 'Fill it'),
        basis,
        provenance: 'verified',
      },
    ],
  };
}

/** allTypes, with a judgment item that applies only when "Boolean" is yes (as the hazchem profile decides). */
function withConditionalJudgment(): Record<string, unknown> {
  const rs = allTypes() as { items: Record<string, unknown>[] };
  const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  rs.items.push({
    id: 'judge-when',
    section: 'b',
    title: t('编制了试生产方案', 'A trial-run plan was drawn up'),
    judgment: true,
    appliesWhen: { '===': [{ var: 'f.bool' }, true] },
    severity: 'major',
    guidance: t('编制方案', 'Draw one up'),
    basis: [{ document: t('某规定', 'A regulation'), status: 'verified' }],
    provenance: 'verified',
  });
  return rs;
}

/** Waits for the browser to lay out and paint. */
function frames(n = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
}

/** Whether the form shows an element (a boolean: chai hangs printing a Lit element). */
function shows(form: SafecheckForm, selector: string): boolean {
  return form.shadowRoot!.querySelector(selector) !== null;
}

/** The button of the current page's actions with this text. */
function actionButton(form: SafecheckForm, text: string): HTMLButtonElement {
  const button = $$<HTMLButtonElement>(form, '.actions button').find((b) => b.textContent!.includes(text));
  expect(button, text).to.not.equal(undefined);
  return button!;
}

const COMPLETE = {
  'f.bool': false,
  'f.choice': 'o1',
  'f.select': 'o5',
  'f.num': 2,
  'f.date': '2026-05-01',
  'f.codes': ['o1'],
  'f.free': ['UN1005'],
  'judge-1': 'compliant',
};

async function fillLoading(form: SafecheckForm, answers: Record<string, unknown>): Promise<void> {
  const fields = new Map(form.loadedRuleset!.fields.map((f) => [f.id, f]));
  for (const [key, value] of Object.entries(answers)) {
    const field = fields.get(key)!;
    await showSectionOf(form, key);
    if (field.type === 'boolean') await pick(form, key, String(value));
    else if (field.type === 'codes' && field.options) for (const code of value as string[]) await pick(form, key, code);
    else if (field.type === 'codes') await type(form, key, (value as string[]).join(', '));
    else if (field.type === 'choice' && field.options.length <= 6) await pick(form, key, String(value));
    else await type(form, key, String(value));
  }
}

describe('<safecheck-form>', () => {
  guardConsole();
  afterEach(cleanup);

  it('is a form-associated custom element registered by the define entry', () => {
    expect(customElements.get('safecheck-form')).to.equal(SafecheckForm);
    expect(SafecheckForm.formAssociated).to.equal(true);
    expect(document.createElement('safecheck-form')).to.be.instanceOf(SafecheckForm);
  });

  it('renders every field type, with labels, hints and units, one section page at a time', async () => {
    const form = await mount('safecheck-form', { ruleset: allTypes() });
    expect($(form, 'h2').textContent).to.equal('字段类型');
    expect($$(form, 'input[type=radio][data-key="f.bool"]')).to.have.length(2);
    expect($$(form, 'input[type=radio][data-key="f.choice"]')).to.have.length(3);
    expect($$(form, 'select[data-key="f.select"] option')).to.have.length(9);
    expect($(form, 'input[data-key="f.num"]').getAttribute('inputmode')).to.equal('decimal');
    expect($(form, '.unit').textContent).to.equal('t');
    expect($(form, 'input[data-key="f.date"]').getAttribute('type')).to.equal('date');
    expect($(form, 'label[for="c-f.date"]').textContent).to.contain('日期');
    expect($(form, '#c-f\\.date-hint').textContent).to.equal('证件有效期');
    expect($(form, 'h4').textContent).to.equal('子部分');
    // Part two is the next page.
    expect(form.shadowRoot!.querySelector('[data-key="f.text"]')).to.equal(null);
    $<HTMLButtonElement>(form, '.nav-link[data-page="1"]').click();
    await settle(form);
    expect($(form, 'input[data-key="f.text"]').getAttribute('type')).to.equal('text');
    expect($(form, 'label[for="c-f.text"]').textContent).to.contain('选填');
    expect($$(form, 'input[type=checkbox][data-key="f.codes"]')).to.have.length(3);
    expect($(form, 'input[data-key="f.free"]').dataset['kind']).to.equal('codes');
    expect($$<HTMLInputElement>(form, 'input[type=radio][data-key="judge-1"]').map((r) => r.value)).to.deep.equal([
      'compliant',
      'noncompliant',
      'not_applicable',
    ]);
    await expectAccessible(form);
  });

  it('turns typed values into answers of the right type', async () => {
    const form = await mount('safecheck-form', { ruleset: allTypes() });
    await pick(form, 'f.bool', 'false');
    await pick(form, 'f.choice', 'o2');
    await type(form, 'f.select', 'o7');
    await type(form, 'f.num', '１２.5');
    await type(form, 'f.date', '2026-05-01');
    await showSectionOf(form, 'f.text');
    await type(form, 'f.text', 'ABC');
    await pick(form, 'f.codes', 'o0');
    await pick(form, 'f.codes', 'o2');
    await type(form, 'f.free', 'UN1230，UN1203 UN1170');
    await pick(form, 'judge-1', 'noncompliant');
    const note = $<HTMLTextAreaElement>(form, 'textarea[data-key="judge-1"]');
    note.value = '地面有油污';
    note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(form);
    expect(form.answers).to.deep.equal({
      'f.bool': false,
      'f.choice': 'o2',
      'f.select': 'o7',
      'f.num': 12.5,
      'f.date': '2026-05-01',
      'f.text': 'ABC',
      'f.codes': ['o0', 'o2'],
      'f.free': ['UN1230', 'UN1203', 'UN1170'],
      'judge-1': { verdict: 'noncompliant', note: '地面有油污' },
    });
    // Clearing a field removes the answer.
    await type(form, 'f.text', '');
    expect(form.answers).to.not.have.property('f.text');
  });

  it('hides fields and items that do not apply, and shows them when they do', async () => {
    const form = await mount('safecheck-form', { ruleset: allTypes() });
    await pick(form, 'f.bool', 'false');
    await showSectionOf(form, 'judge-1');
    expect(form.shadowRoot!.querySelector('[data-key="f.when"]')).to.equal(null);
    expect(form.shadowRoot!.querySelector('#c-only-when-verdict')).to.equal(null);
    await showSectionOf(form, 'f.bool');
    await pick(form, 'f.bool', 'true');
    await showSectionOf(form, 'judge-1');
    expect(form.shadowRoot!.querySelector('[data-key="f.when"]')).to.not.equal(null);
    expect(verdictOf(form, 'only-when')).to.equal('待填写');
    // An item the inspector marks not applicable stays, so the answer can be changed back.
    await pick(form, 'judge-1', 'not_applicable');
    expect(verdictOf(form, 'judge-1')).to.equal('不适用');
  });

  it('shows each verdict live, with the explanation and guidance of a failure, and announces it', async () => {
    const form = await mount('safecheck-form', { ruleset: allTypes() });
    await showSectionOf(form, 'f.num');
    expect(verdictOf(form, 'check-num')).to.equal('待填写');
    expect($(form, '.item.computed [part=explanation]').textContent).to.contain('数量');
    await type(form, 'f.num', '12');
    // The verdict, the guidance and the explanation at once.
    expect(verdictOf(form, 'check-num')).to.equal('不合格');
    expect($(form, '.item.computed').textContent).to.contain('减少装载量');
    expect($(form, '.item.computed [part=explanation]').textContent).to.contain('12');
    const live = $(form, '#live');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    await new Promise((r) => setTimeout(r, 500));
    await settle(form);
    expect(live.textContent).to.contain('数量不超过 10 吨：不合格');
    await type(form, 'f.num', '8');
    expect(verdictOf(form, 'check-num')).to.equal('合格');
  });

  it('shows progress as answered of applicable', async () => {
    const form = await mount('safecheck-form', { ruleset: allTypes() });
    const bar = $<HTMLProgressElement>(form, 'progress');
    // Required and shown: bool, choice, select, num, date, codes, free, and judge-1 (text is optional).
    expect([bar.value, bar.max]).to.deep.equal([0, 8]);
    expect($(form, 'label[for=progress]').textContent).to.equal('填写进度');
    await pick(form, 'f.bool', 'true');
    expect([bar.value, bar.max]).to.deep.equal([1, 9]); // f.when now applies
    expect($(form, '.progress-text').textContent).to.equal('已填写 1 / 9');
  });

  it('navigates sections with counts of fails and unanswered', async () => {
    const form = await mount('safecheck-form', { ruleset: allTypes() });
    const links = $$(form, '.nav-link');
    expect(links.map((l) => l.querySelector('.nav-title')!.textContent)).to.deep.equal(['第一部分', '第二部分']);
    expect(links[0]!.getAttribute('aria-current')).to.equal('step');
    expect(links[0]!.querySelector('.nav-counts')!.textContent).to.equal('5 项未填');
    await showSectionOf(form, 'f.num');
    await type(form, 'f.num', '20');
    expect($$(form, '.nav-counts')[0]!.textContent).to.equal('1 项不合格，4 项未填');
    links[1]!.click();
    await settle(form);
    expect($$(form, '.nav-link')[1]!.getAttribute('aria-current')).to.equal('step');
    expect(form.shadowRoot!.activeElement?.textContent).to.equal('第二部分');
  });

  it('on review, shows an error summary that takes focus and links to each field (GOV.UK pattern)', async () => {
    const form = await mount('safecheck-form', { ruleset: allTypes() });
    await pick(form, 'f.bool', 'true');
    await type(form, 'f.num', '-3');
    expect(form.review()).to.equal(false);
    await settle(form);
    const summary = $(form, '.error-summary');
    expect(form.shadowRoot!.activeElement).to.equal(summary);
    expect(summary.getAttribute('tabindex')).to.equal('-1');
    expect($(form, '#error-summary-title').textContent).to.equal('请先处理以下问题');
    const links = $$<HTMLAnchorElement>(form, '.error-summary a');
    expect(links.map((a) => a.dataset['key'])).to.deep.equal([
      'f.choice',
      'f.select',
      'f.num',
      'f.date',
      'f.codes',
      'f.free',
      'f.when',
      'judge-1',
    ]);
    expect(links[0]!.textContent).to.equal('请填写“少选项”');
    expect(links[2]!.textContent).to.contain('不能小于 0');
    // Each field shows its own message, tied to the control.
    const num = $(form, '#c-f\\.num');
    expect(num.getAttribute('aria-invalid')).to.equal('true');
    expect(num.getAttribute('aria-describedby')).to.contain('c-f.num-error');
    // A link to a field in another section opens that section and focuses the field.
    links[7]!.click();
    await settle(form);
    expect(form.shadowRoot!.activeElement?.id).to.equal('c-judge-1');
    await expectAccessible(form);
  });

  it('has a review step before the final submit, which fires safecheck-submit with the answers and report', async () => {
    const form = await mount('safecheck-form', {
      ruleset: allTypes(),
      answers: {
        'f.bool': false,
        'f.choice': 'o1',
        'f.select': 'o5',
        'f.num': 12,
        'f.date': '2026-05-01',
        'f.codes': ['o1'],
        'f.free': ['UN1005'],
        'judge-1': 'compliant',
      },
    });
    const events: SafecheckSubmitEvent[] = [];
    document.addEventListener('safecheck-submit', (e) => events.push(e), { once: true });
    expect(form.review()).to.equal(true);
    await settle(form);
    expect(form.shadowRoot!.activeElement?.id).to.equal('review-title');
    expect($(form, '#review-title').textContent).to.equal('提交前请检查答案');
    const rows = $$(form, '.summary-row');
    expect(rows.map((r) => r.querySelector('dt')!.textContent)).to.include('数量');
    expect(rows.find((r) => r.textContent!.includes('数量'))!.querySelector('dd')!.textContent).to.equal('12 t');
    expect(rows.find((r) => r.textContent!.includes('现场整洁'))!.querySelector('dd')!.textContent).to.equal('符合');
    const report = $<SafecheckReport>(form, 'safecheck-report');
    expect($(report, '[part=outcome]').textContent).to.equal('不通过');
    await expectAccessible(form);
    // "Change" goes back to the field.
    rows
      .find((r) => r.textContent!.includes('数量'))!
      .querySelector('button')!
      .click();
    await settle(form);
    expect(form.shadowRoot!.activeElement?.id).to.equal('c-f.num');
    form.review();
    await settle(form);
    $<HTMLButtonElement>(form, '.submit-button').click();
    await settle(form);
    expect(events).to.have.length(1);
    const event = events[0]!;
    expect(event).to.be.instanceOf(SafecheckSubmitEvent);
    expect(event.type).to.equal('safecheck-submit');
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
    expect(event.answers['f.num']).to.equal(12);
    expect(event.report.outcome).to.equal('fail');
    expect(event.report.items.find((i) => i.id === 'check-num')!.status).to.equal('fail');
    expect($(form, '#review-title').textContent).to.equal('已提交。');
  });

  it('fills the loading checks end to end and reads REFUSE', async () => {
    const answers = await loadingBaseline();
    answers['goods.quantity'] = 31; // rated load 30 t
    answers['waybill.quantity'] = 31;
    const form = await mount('safecheck-form', { ruleset: await rulesetJson(LFC), date: DATE }, { lang: 'en' });
    await fillLoading(form, answers);
    expect(form.answers).to.deep.equal(answers);
    await showSectionOf(form, 'lfc.load-limit');
    expect(verdictOf(form, 'lfc.load-limit')).to.equal('Fail');
    expect(form.review()).to.equal(true);
    await settle(form);
    const report = $<SafecheckReport>(form, 'safecheck-report');
    expect($(report, '[part=outcome]').textContent).to.equal('REFUSE');
    expect($(report, '[data-item="lfc.load-limit"]').textContent).to.contain('31');
    form.setAttribute('lang', 'zh-CN');
    await settle(form);
    expect($(report, '[part=outcome]').textContent).to.equal('拒绝充装/装载');
  });

  it('reads LOAD for the valid baseline, and hides the special permit for methanol', async () => {
    const form = await mount(
      'safecheck-form',
      { ruleset: await rulesetJson(LFC), date: DATE, answers: await loadingBaseline() },
      { lang: 'en' },
    );
    await showSectionOf(form, 'goods.un_number');
    expect(form.shadowRoot!.querySelector('#c-lfc\\.special-permit-verdict')).to.equal(null);
    expect(form.shadowRoot!.querySelector('[data-key="permit.held"]')).to.equal(null);
    expect(form.review()).to.equal(true);
    await settle(form);
    expect($($(form, 'safecheck-report'), '[part=outcome]').textContent).to.equal('LOAD');
  });

  describe('drafts', () => {
    it('saves the answers as typed, keyed by ruleset id, version and the host key', async () => {
      const form = await mount('safecheck-form', { ruleset: allTypes() }, { 'draft-key': 'case-7' });
      await type(form, 'f.num', '12x');
      await new Promise((r) => setTimeout(r, 400));
      const saved = JSON.parse(localStorage.getItem(draftKey('all-types', '1.0.0', 'case-7'))!);
      expect(saved.answers).to.deep.equal({ 'f.num': '12x' });
      expect(draftKey('all-types', '1.0.0', 'case-7')).to.equal('safecheck:draft:all-types@1.0.0:case-7');
      // Invalid text stays as typed and shows its problem once the field is left.
      expect($(form, '#c-f\\.num-error').textContent).to.contain('应为数字');
    });

    it('restores a draft with a notice, and discards it on request', async () => {
      localStorage.setItem(
        draftKey('all-types', '1.0.0', ''),
        JSON.stringify({ answers: { 'f.num': 4 }, savedAt: '2026-03-13T08:00:00Z' }),
      );
      const form = await mount('safecheck-form', { ruleset: allTypes() });
      expect(form.answers).to.deep.equal({ 'f.num': 4 });
      expect($(form, '[part=notice]').textContent).to.contain('已恢复');
      await expectAccessible(form);
      $<HTMLButtonElement>(form, '[part=notice] button').click();
      await settle(form);
      $<HTMLButtonElement>(form, '[part=notice] .danger').click(); // confirmed
      await settle(form);
      expect(form.answers).to.deep.equal({});
      expect(localStorage.getItem(draftKey('all-types', '1.0.0', ''))).to.equal(null);
    });

    it('asks before discarding a draft, keyboard and screen-reader friendly, and keeps the focus', async () => {
      const key = draftKey('all-types', '1.0.0', '');
      localStorage.setItem(
        key,
        JSON.stringify({ answers: { 'f.num': 4, 'f.bool': true }, savedAt: '2026-03-13T08:00:00Z' }),
      );
      const form = await mount('safecheck-form', { ruleset: allTypes() });
      const active = () => form.shadowRoot!.activeElement as HTMLElement | null;
      $<HTMLButtonElement>(form, '[part=notice] button.discard').click();
      await settle(form);
      // Nothing is lost yet: a question, named for the group that holds its two answers; the safe one has the focus.
      expect(form.answers).to.deep.equal({ 'f.num': 4, 'f.bool': true });
      expect(localStorage.getItem(key)).to.not.equal(null);
      const group = $(form, '[part=notice] .confirm[role=group]');
      expect($(form, `#${group.getAttribute('aria-labelledby')}`).textContent).to.contain('2 项答案');
      expect(active()?.textContent!.trim()).to.equal('保留草稿');
      expect(group.contains(active())).to.equal(true);
      await expectAccessible(form);
      // Escape keeps the draft and gives the focus back to the discard button.
      await sendKeys({ press: 'Escape' });
      await settle(form);
      expect(shows(form, '.confirm')).to.equal(false);
      expect(active()?.textContent!.trim()).to.equal('放弃草稿，重新填写');
      expect(form.answers).to.deep.equal({ 'f.num': 4, 'f.bool': true });
      // Asked again and confirmed: the answers and the draft go, and the focus is on the notice that says so.
      active()!.click();
      await settle(form);
      $<HTMLButtonElement>(form, '.confirm .danger').click();
      await settle(form);
      expect(form.answers).to.deep.equal({});
      expect(localStorage.getItem(key)).to.equal(null);
      expect(active()?.id).to.equal('draft-discarded');
      expect(active()!.textContent).to.contain('草稿已放弃');
      await expectAccessible(form);
      await type(form, 'f.num', '1'); // answering again: the notice has done its job
      expect(shows(form, '#draft-discarded')).to.equal(false);
    });

    it('keeps the section in the draft and comes back to it; an old draft opens at the first', async () => {
      const key = draftKey('all-types', '1.0.0', 'case-9');
      const form = await mount('safecheck-form', { ruleset: allTypes() }, { 'draft-key': 'case-9' });
      await type(form, 'f.num', '3');
      await showSectionOf(form, 'f.text');
      await new Promise((r) => setTimeout(r, 400));
      expect(JSON.parse(localStorage.getItem(key)!)).to.include({ section: 'b' });
      form.remove();
      const again = await mount('safecheck-form', { ruleset: allTypes() }, { 'draft-key': 'case-9' });
      expect(again.answers).to.deep.equal({ 'f.num': 3 });
      expect($(again, '[aria-current=step] .nav-title').textContent).to.equal('第二部分');
      expect(shows(again, '[data-key="f.text"]')).to.equal(true);
      // Back at the first section: the draft says so.
      $<HTMLButtonElement>(again, '.nav-link[data-page="0"]').click();
      await settle(again);
      await new Promise((r) => setTimeout(r, 400));
      expect(JSON.parse(localStorage.getItem(key)!)).to.include({ section: 'a' });
      // A draft saved before the section was kept, or naming a section no longer there.
      for (const section of [undefined, 'gone']) {
        localStorage.setItem(
          key,
          JSON.stringify({ answers: { 'f.num': 5 }, savedAt: '2026-03-13T08:00:00Z', section }),
        );
        const old = await mount('safecheck-form', { ruleset: allTypes() }, { 'draft-key': 'case-9' });
        expect(old.answers).to.deep.equal({ 'f.num': 5 });
        expect($(old, '[aria-current=step] .nav-title').textContent).to.equal('第一部分');
        old.remove();
      }
      // A draft-key set late reads the section too.
      localStorage.setItem(
        draftKey('all-types', '1.0.0', 'late'),
        JSON.stringify({ answers: { 'f.num': 6 }, section: 'b' }),
      );
      const late = await mount('safecheck-form', { ruleset: allTypes() });
      late.draftKey = 'late';
      await settle(late);
      expect($(late, '[aria-current=step] .nav-title').textContent).to.equal('第二部分');
    });

    it('keeps drafts apart by host key, and answers set by the host win over a draft', async () => {
      localStorage.setItem(draftKey('all-types', '1.0.0', 'a'), JSON.stringify({ answers: { 'f.num': 1 } }));
      const other = await mount('safecheck-form', { ruleset: allTypes() }, { 'draft-key': 'b' });
      expect(other.answers).to.deep.equal({});
      const given = await mount(
        'safecheck-form',
        { ruleset: allTypes(), answers: { 'f.num': 2 } },
        { 'draft-key': 'a' },
      );
      expect(given.answers).to.deep.equal({ 'f.num': 2 });
      const off = await mount('safecheck-form', { ruleset: allTypes() }, { 'draft-key': 'a', 'no-draft': '' });
      expect(off.answers).to.deep.equal({});
    });

    it('survives a real reload of the page', async () => {
      localStorage.removeItem(draftKey('loading-five-checks', '1.0.0', 'reload'));
      const frame = document.createElement('iframe');
      frame.src = '/packages/elements/src/test/draft-page.html';
      frame.style.width = '900px';
      frame.style.height = '600px';
      document.body.append(frame);
      try {
        const ready = () =>
          new Promise<SafecheckForm>((resolve, reject) => {
            const started = Date.now();
            const poll = () => {
              const el = frame.contentDocument?.querySelector('safecheck-form') as SafecheckForm | null;
              if (el?.loadedRuleset && el.shadowRoot?.querySelector('input')) resolve(el);
              else if (Date.now() - started > 10000) reject(new Error('the page did not load'));
              else setTimeout(poll, 50);
            };
            poll();
          });
        const first = await ready();
        const input = first.shadowRoot!.querySelector<HTMLInputElement>('#c-carrier\\.name')!;
        input.value = '杭州某危险品运输有限公司';
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await first.updateComplete;
        frame.contentWindow!.location.reload(); // pagehide flushes the draft at once
        await new Promise((r) => frame.addEventListener('load', r, { once: true }));
        const second = await ready();
        expect(second).to.not.equal(first);
        expect(second.answers).to.deep.equal({ 'carrier.name': '杭州某危险品运输有限公司' });
        expect(second.shadowRoot!.querySelector<HTMLInputElement>('#c-carrier\\.name')!.value).to.equal(
          '杭州某危险品运输有限公司',
        );
      } finally {
        frame.remove();
      }
    });

    it('removes the draft after the final submit', async () => {
      const form = await mount('safecheck-form', { ruleset: allTypes() });
      form.answers = {
        'f.bool': false,
        'f.choice': 'o1',
        'f.select': 'o5',
        'f.num': 2,
        'f.date': '2026-05-01',
        'f.codes': ['o1'],
        'f.free': ['UN1005'],
        'judge-1': 'compliant',
      };
      await new Promise((r) => setTimeout(r, 400));
      expect(localStorage.getItem(draftKey('all-types', '1.0.0', ''))).to.not.equal(null);
      form.review();
      await settle(form);
      $<HTMLButtonElement>(form, '.submit-button').click();
      await settle(form);
      expect(localStorage.getItem(draftKey('all-types', '1.0.0', ''))).to.equal(null);
    });

    it('keeps the answers and the section when the host sets an equal ruleset again', async () => {
      const key = draftKey('all-types', '1.0.0', 'k');
      const form = await mount('safecheck-form', { ruleset: allTypes() }, { 'draft-key': 'k' });
      await type(form, 'f.num', '3');
      await showSectionOf(form, 'f.text');
      await type(form, 'f.text', 'AB'); // within the 300 ms before the draft is saved
      form.ruleset = allTypes(); // a React or Vue re-render: an equal, new object
      await settle(form);
      expect(form.answers).to.deep.equal({ 'f.num': 3, 'f.text': 'AB' });
      expect($(form, '[aria-current=step] .nav-title').textContent).to.equal('第二部分');
      expect($<HTMLInputElement>(form, '#c-f\\.text').value).to.equal('AB');
      await new Promise((r) => setTimeout(r, 400));
      expect(JSON.parse(localStorage.getItem(key)!).answers).to.deep.equal({ 'f.num': 3, 'f.text': 'AB' });
      // Another ruleset: what was just typed is saved under the old one's key before it goes.
      await showSectionOf(form, 'f.num');
      await type(form, 'f.num', '4');
      form.ruleset = { ...allTypes(), id: 'all-types-2' };
      await settle(form);
      expect(form.loadedRuleset!.id).to.equal('all-types-2');
      expect(form.answers).to.deep.equal({});
      expect(JSON.parse(localStorage.getItem(key)!).answers).to.deep.equal({ 'f.num': 4, 'f.text': 'AB' });
    });

    it('reads the draft of a draft-key set late, and keeps each key its own draft', async () => {
      const saved = (n: number) => JSON.stringify({ answers: { 'f.num': n }, savedAt: '2026-03-13T08:00:00Z' });
      localStorage.setItem(draftKey('all-types', '1.0.0', 'late'), saved(9));
      const late = await mount('safecheck-form', { ruleset: allTypes() });
      late.draftKey = 'late';
      await settle(late);
      expect(late.answers).to.deep.equal({ 'f.num': 9 });
      expect($(late, '[part=notice]').textContent).to.contain('已恢复');
      localStorage.setItem(draftKey('all-types', '1.0.0', 'b'), saved(7));
      const form = await mount('safecheck-form', { ruleset: allTypes() }, { 'draft-key': 'a' });
      await type(form, 'f.num', '5');
      form.draftKey = 'b'; // before a's draft is saved
      await settle(form);
      expect(form.answers).to.deep.equal({ 'f.num': 7 });
      await new Promise((r) => setTimeout(r, 400));
      expect(JSON.parse(localStorage.getItem(draftKey('all-types', '1.0.0', 'a'))!).answers).to.deep.equal({
        'f.num': 5,
      });
      expect(JSON.parse(localStorage.getItem(draftKey('all-types', '1.0.0', 'b'))!).answers).to.deep.equal({
        'f.num': 7,
      });
      // A case with no draft starts empty, as on load; answers typed before any key stay with the first.
      form.draftKey = 'c';
      await settle(form);
      expect(form.answers).to.deep.equal({});
      const unnamed = await mount('safecheck-form', { ruleset: allTypes() });
      await type(unnamed, 'f.num', '6');
      unnamed.draftKey = 'new';
      await settle(unnamed);
      expect(unnamed.answers).to.deep.equal({ 'f.num': 6 });
      await new Promise((r) => setTimeout(r, 400));
      expect(JSON.parse(localStorage.getItem(draftKey('all-types', '1.0.0', 'new'))!).answers).to.deep.equal({
        'f.num': 6,
      });
    });

    it('says, in an alert, when a draft cannot be saved, until a save succeeds', async () => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const form = await mount('safecheck-form', { ruleset: allTypes() }, { lang: 'en' });
        await type(form, 'f.num', '3');
        await new Promise((r) => setTimeout(r, 400));
        await settle(form);
        expect($(form, '[part=notice][role=alert]').textContent).to.contain('could not be saved');
        form.lang = 'zh-CN';
        await settle(form);
        expect($(form, '[part=notice][role=alert]').textContent).to.contain('草稿未能保存');
        await expectAccessible(form);
        Storage.prototype.setItem = original;
        await type(form, 'f.num', '4');
        await new Promise((r) => setTimeout(r, 400));
        await settle(form);
        expect($$(form, '[part=notice]')).to.have.length(0);
      } finally {
        Storage.prototype.setItem = original;
      }
    });

    it('restores a draft saved without a time with a notice that names none', async () => {
      localStorage.setItem(draftKey('all-types', '1.0.0', ''), JSON.stringify({ answers: { 'f.num': 4 } }));
      const form = await mount('safecheck-form', { ruleset: allTypes() });
      expect(form.answers).to.deep.equal({ 'f.num': 4 });
      const notice = $(form, '[part=notice]').textContent!;
      expect(notice).to.contain('已恢复');
      expect(notice).to.not.contain('1970');
    });

    it('says when a draft cannot be read, and keeps it until the inspector answers', async () => {
      const key = draftKey('all-types', '1.0.0', '');
      localStorage.setItem(key, '{oops');
      const form = await mount('safecheck-form', { ruleset: allTypes() });
      expect(form.answers).to.deep.equal({});
      expect($(form, '[part=notice][role=status]').textContent).to.contain('未能读取');
      await expectAccessible(form);
      form.answers = { 'f.num': 1 }; // the host, not the inspector
      await new Promise((r) => setTimeout(r, 400));
      expect(localStorage.getItem(key)).to.equal('{oops');
      await type(form, 'f.num', '2');
      await new Promise((r) => setTimeout(r, 400));
      await settle(form);
      expect(JSON.parse(localStorage.getItem(key)!).answers).to.deep.equal({ 'f.num': 2 });
      expect($$(form, '[part=notice]')).to.have.length(0);
    });
  });

  it('reports answers that are not an object as core does, and reads null as none', async () => {
    const form = await mount('safecheck-form', { ruleset: allTypes(), noDraft: true });
    form.answers = '{"f.num": 3}' as unknown as Answers;
    await settle(form);
    expect(form.answers).to.deep.equal({});
    const issue = form.report()!.issues.find((i) => i.code === 'invalid_answer')!;
    expect(issue.path).to.deep.equal([]);
    expect(form.validity.customError).to.equal(true);
    expect(form.validationMessage).to.equal(issue.message['zh-CN']);
    expect(form.review()).to.equal(false);
    await settle(form);
    expect($(form, '.error-summary').textContent).to.contain(issue.message['zh-CN']);
    form.answers = null as unknown as Answers;
    await settle(form);
    expect(form.report()!.issues).to.deep.equal([]);
  });

  describe('form participation', () => {
    async function inForm(answers: Answers = {}) {
      const host = document.createElement('form');
      const form = await mount('safecheck-form', { ruleset: allTypes(), answers }, { name: 'inspection' }, host);
      return { host, form };
    }
    const complete = COMPLETE;

    it('submits the answers as a named JSON value', async () => {
      const { host, form } = await inForm(complete);
      expect(form.form).to.equal(host);
      expect(JSON.parse(new FormData(host).get('inspection') as string)).to.deep.equal(complete);
      await type(form, 'f.num', '3');
      expect(JSON.parse(new FormData(host).get('inspection') as string)['f.num']).to.equal(3);
    });

    it('blocks submission with the browser validity mechanism while incomplete or invalid', async () => {
      const { host, form } = await inForm({ ...complete, 'judge-1': undefined });
      let submitted = 0;
      host.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted++;
      });
      expect(form.validity.valid).to.equal(false);
      expect(form.validity.valueMissing).to.equal(true);
      expect(form.validationMessage).to.equal('请对“现场整洁”作出检查结论');
      expect(host.checkValidity()).to.equal(false);
      expect(form.matches(':invalid')).to.equal(true);
      expect(form.matches(':state(invalid)')).to.equal(true);
      host.requestSubmit();
      expect(submitted).to.equal(0);
      form.answers = { ...complete, 'f.num': 'abc' };
      await settle(form);
      expect(form.validity.customError).to.equal(true);
      host.requestSubmit();
      expect(submitted).to.equal(0);
      form.answers = complete;
      await settle(form);
      expect(form.validity.valid).to.equal(true);
      host.requestSubmit();
      expect(submitted).to.equal(1);
    });

    it('on a host submit, opens the first problem, lists every problem and points the bubble at its control', async () => {
      const { host, form } = await inForm({ ...COMPLETE, 'f.date': undefined, 'judge-1': undefined });
      let submitted = 0;
      host.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted++;
      });
      let invalid = 0;
      form.addEventListener('invalid', () => invalid++);
      await showSectionOf(form, 'judge-1'); // the inspector is on the second section
      // checkValidity() alone shows nothing and moves nobody.
      expect(host.checkValidity()).to.equal(false);
      await settle(form);
      expect($(form, '[aria-current=step] .nav-title').textContent).to.equal('第二部分');
      expect(shows(form, '.error-summary')).to.equal(false);
      // The host's submit button: the browser focuses the validation anchor to show its bubble there.
      const submit = document.createElement('button');
      host.append(submit);
      submit.click();
      await settle(form);
      expect(submitted).to.equal(0);
      expect(invalid).to.equal(2); // checkValidity(), then the submit; none for the bubble shown again at the field
      expect($(form, '[aria-current=step] .nav-title').textContent).to.equal('第一部分');
      expect(form.shadowRoot!.activeElement?.id).to.equal('c-f.date');
      expect($$(form, '.error-summary a').map((a) => a.dataset['key'])).to.deep.equal(['f.date', 'judge-1']);
      expect($(form, '#c-f\\.date').getAttribute('aria-invalid')).to.equal('true');
      // From the review step, after the host took an answer away: back to the field.
      form.answers = COMPLETE;
      expect(form.review()).to.equal(true);
      await settle(form);
      form.answers = { ...COMPLETE, 'judge-1': undefined };
      await settle(form);
      host.requestSubmit();
      await settle(form);
      expect(form.shadowRoot!.activeElement?.id).to.equal('c-judge-1');
      // The element's own reportValidity() does the same.
      await showSectionOf(form, 'f.bool');
      expect(form.reportValidity()).to.equal(false);
      await settle(form);
      expect(form.shadowRoot!.activeElement?.id).to.equal('c-judge-1');
    });

    it('resets with the form, and is disabled by a disabled fieldset', async () => {
      const { host, form } = await inForm(complete);
      host.reset();
      await settle(form);
      expect(form.answers).to.deep.equal({});
      expect(new FormData(host).get('inspection')).to.equal('{}');
      const fieldset = document.createElement('fieldset');
      host.append(fieldset);
      fieldset.append(form);
      fieldset.disabled = true;
      await settle(form);
      expect($$<HTMLInputElement>(form, 'input').every((i) => i.disabled)).to.equal(true);
    });
  });

  describe('events', () => {
    it('fires safecheck-change: typed, bubbling and composed, with the changed items', async () => {
      const outer = document.createElement('div');
      const shadow = outer.attachShadow({ mode: 'open' });
      const form = await mount('safecheck-form', { ruleset: allTypes() }, {}, shadow);
      const seen: SafecheckChangeEvent[] = [];
      const listener = (e: SafecheckChangeEvent) => seen.push(e);
      document.addEventListener('safecheck-change', listener);
      try {
        await type(form, 'f.num', '11');
      } finally {
        document.removeEventListener('safecheck-change', listener);
      }
      expect(seen).to.have.length(1);
      const event = seen[0]!;
      expect(event).to.be.instanceOf(SafecheckChangeEvent);
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
      expect(event.target).to.equal(outer); // retargeted across the shadow root
      expect(event.key).to.equal('f.num');
      expect(event.answers).to.deep.equal({ 'f.num': 11 });
      expect(event.changed).to.deep.equal([{ id: 'check-num', from: 'incomplete', to: 'fail' }]);
      expect(event.outcome).to.equal('fail');
    });
  });

  describe('language', () => {
    it('speaks zh-CN by default and English through lang, here or on an ancestor', async () => {
      const form = await mount('safecheck-form', { ruleset: allTypes() });
      expect($(form, '.review-button').textContent!.trim()).to.equal('检查答案');
      form.lang = 'en';
      await settle(form);
      expect($(form, '.review-button').textContent!.trim()).to.equal('Check your answers');
      expect($(form, 'h2').textContent).to.equal('Field types');
      const wrapper = document.createElement('div');
      wrapper.lang = 'en-GB';
      const inner = await mount('safecheck-form', { ruleset: allTypes() }, {}, wrapper);
      expect(inner.locale).to.equal('en');
    });
  });

  describe('keyboard', () => {
    it('can be filled and reviewed with the keyboard alone, with a visible focus', async () => {
      const form = await mount('safecheck-form', { ruleset: allTypes() });
      const first = $<HTMLButtonElement>(form, '.nav-link');
      first.focus();
      await sendKeys({ press: 'Tab' }); // second nav button
      await sendKeys({ press: 'Tab' }); // first radio of f.bool
      expect(form.shadowRoot!.activeElement?.getAttribute('data-key')).to.equal('f.bool');
      await sendKeys({ press: 'ArrowRight' }); // selects "no"
      await settle(form);
      expect(form.answers['f.bool']).to.equal(false);
      const focused = form.shadowRoot!.activeElement as HTMLElement;
      expect(focused.matches(':focus-visible')).to.equal(true);
      expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'Tab' }); // f.choice radios
      await sendKeys({ press: 'Space' });
      await settle(form);
      expect(form.answers['f.choice']).to.equal('o0');
      // Jump to the review button and press Enter: the error summary takes focus.
      $<HTMLButtonElement>(form, '.review-button').focus();
      await sendKeys({ press: 'Enter' });
      await settle(form);
      expect(form.shadowRoot!.activeElement?.classList.contains('error-summary')).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(form.shadowRoot!.activeElement?.tagName).to.equal('A');
      await sendKeys({ press: 'Enter' });
      await settle(form);
      expect(form.shadowRoot!.activeElement?.id).to.equal('c-f.select');
    });
  });

  describe('safety', () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    function hostile(): Record<string, unknown> {
      const rs = allTypes() as Record<string, any>;
      const t = { 'zh-CN': evil, en: evil };
      rs.title = t;
      rs.sections[0].title = t;
      rs.fields[0].label = t;
      rs.fields[0].help = t;
      rs.fields[1].options[0].label = t;
      rs.items[0].title = t;
      rs.items[0].guidance = t;
      rs.items[0].description = t;
      rs.outcomes = { pass: t, fail: t, incomplete: t };
      return rs;
    }

    it('renders ruleset text as text: markup in titles shows, runs nothing', async () => {
      delete (window as { __pwned?: number }).__pwned;
      const form = await mount('safecheck-form', { ruleset: hostile() });
      await type(form, 'f.num', '99');
      expect($(form, 'h2').textContent).to.equal(evil);
      expect($(form, '.item.computed .label').textContent).to.equal(evil);
      expect(form.shadowRoot!.querySelector('img, script')).to.equal(null);
      form.answers = { ...COMPLETE, 'f.num': 99 };
      expect(form.review()).to.equal(true);
      await settle(form);
      const report = $<SafecheckReport>(form, 'safecheck-report');
      expect($(report, '[part=outcome]').textContent).to.equal(evil);
      expect(report.shadowRoot!.querySelector('img, script')).to.equal(null);
      await new Promise((r) => setTimeout(r, 100));
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('shows an invalid ruleset as a list of issues, not a broken form', async () => {
      const form = await mount('safecheck-form', { ruleset: { id: 'Not An Id' } });
      expect($(form, '[role=alert]').textContent).to.contain('检查表无效');
      expect(form.rulesetIssues.length).to.be.greaterThan(0);
      expect(form.validity.valid).to.equal(false);
    });
  });

  it('loads a ruleset from src', async () => {
    const form = await mount('safecheck-form', {}, { src: `/rulesets/${LFC}` });
    const started = Date.now();
    while (!form.loadedRuleset && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
    await settle(form);
    expect(form.loadedRuleset?.id).to.equal('loading-five-checks');
    expect($(form, 'h2').textContent).to.contain('五必查');
  });

  it('reports a src that cannot be loaded', async () => {
    const form = await mount('safecheck-form', {}, { src: '/rulesets/nope.json' });
    const started = Date.now();
    while (!form.shadowRoot!.querySelector('[role=alert]') && Date.now() - started < 5000) {
      await new Promise((r) => setTimeout(r, 20));
      await settle(form);
    }
    expect($(form, '[role=alert]').textContent).to.contain('404');
  });

  describe('on a tablet', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('keeps the section navigation in the flow in one column (768 px), sticky beside the form in two', async () => {
      await setViewport({ width: 768, height: 1024 });
      const form = await mount('safecheck-form', { ruleset: await rulesetJson(LFC), date: DATE });
      const nav = $(form, '.nav');
      expect(getComputedStyle($(form, '.layout')).gridTemplateColumns.split(' ')).to.have.length(1);
      expect(getComputedStyle(nav).position).to.equal('static');
      // Scrolled to the last field, the navigation has gone up with the page instead of covering it.
      const last = $$(form, '.page .field').at(-1)!;
      last.scrollIntoView({ block: 'start' });
      await frames();
      expect(nav.getBoundingClientRect().bottom).to.be.at.most(last.getBoundingClientRect().top);
      await setViewport({ width: 1024, height: 768 });
      await frames();
      expect(getComputedStyle(nav).position).to.equal('sticky');
    });

    it('renders every control of the next section after "next" from the bottom of a long one (1024×768)', async () => {
      await setViewport({ width: 1024, height: 768 });
      const form = await mount('safecheck-form', { ruleset: await rulesetJson(LFC), date: DATE });
      const unrendered = () =>
        $$<HTMLElement>(form, '.page input, .page select, .page textarea')
          .filter((c) => c.getClientRects().length === 0)
          .map((c) => c.id || c.dataset['key']);
      await frames(3); // shown before the inspector scrolls
      for (let page = 0; page < 4; page++) {
        const next = actionButton(form, '下一部分');
        // Scrolled to the bottom, as an inspector gets there: the first fields are off screen.
        next.scrollIntoView({ block: 'end' });
        await frames(3);
        next.click();
        await settle(form);
        await frames(3);
        expect(unrendered(), `section ${page + 2}`).to.deep.equal([]);
      }
      // Nothing skips rendering off screen: focus rings are not clipped, screen readers see every item.
      for (const el of $$(form, '.field, .item')) expect(getComputedStyle(el).contentVisibility).to.equal('visible');
    });
  });

  it('says what a judged item waits for when whether it applies is not yet known', async () => {
    const form = await mount('safecheck-form', { ruleset: withConditionalJudgment() });
    await showSectionOf(form, 'judge-when');
    expect(shows(form, '#c-judge-when-explanation')).to.equal(false); // not judged: 待填写 says it
    await pick(form, 'judge-when', 'noncompliant');
    expect(verdictOf(form, 'judge-when')).to.equal('待填写');
    const waiting = $(form, '#c-judge-when-explanation');
    expect(waiting.textContent!.trim()).to.equal('尚需填写：布尔');
    expect($(form, 'fieldset.item:has(#c-judge-when)').getAttribute('aria-describedby')).to.contain(
      'c-judge-when-explanation',
    );
    await expectAccessible(form);
    form.lang = 'en';
    await settle(form);
    expect($(form, '#c-judge-when-explanation').textContent!.trim()).to.equal('Still needed: Boolean');
    await showSectionOf(form, 'f.bool');
    await pick(form, 'f.bool', 'true');
    await showSectionOf(form, 'judge-when');
    expect(verdictOf(form, 'judge-when')).to.equal('Fail');
    expect(shows(form, '#c-judge-when-explanation')).to.equal(false);
  });

  it('says it on the hazchem trial-production items judged before the enterprise profile is answered', async () => {
    const form = await mount('safecheck-form', { ruleset: await rulesetJson('hazchem-checklist/1.0.0.json') });
    await showSectionOf(form, 'hazchem-78.3.001');
    await pick(form, 'hazchem-78.3.001', 'noncompliant');
    expect(verdictOf(form, 'hazchem-78.3.001')).to.equal('待填写');
    const profile = form.loadedRuleset!.fields.find((f) => f.id === 'profile.in_trial_production')!;
    expect($(form, '#c-hazchem-78\\.3\\.001-explanation').textContent).to.contain(profile.label['zh-CN']);
  });

  it('gives every button and error link of the form a 44 px touch target, "change" and "discard" included', async () => {
    localStorage.setItem(draftKey('all-types', '1.0.0', ''), JSON.stringify({ answers: COMPLETE }));
    const form = await mount('safecheck-form', { ruleset: allTypes() });
    const size = (el: Element) => {
      const { width, height } = el.getBoundingClientRect();
      return { width: Math.round(width), height: Math.round(height) };
    };
    const discard = size($(form, '[part=notice] button'));
    expect(discard.height).to.be.at.least(44);
    expect(form.review()).to.equal(true);
    await settle(form);
    const changes = $$(form, '.summary-row button');
    expect(changes.length).to.be.greaterThan(0);
    for (const change of changes) {
      expect(size(change).width, 'width').to.be.at.least(44);
      expect(size(change).height, 'height').to.be.at.least(44);
    }
    // The error summary's links, which take the inspector to each problem.
    form.answers = {};
    expect(form.review()).to.equal(false);
    await settle(form);
    const links = $$(form, '.error-summary a');
    expect(links.length).to.be.greaterThan(1);
    for (const link of links) expect(size(link).height, 'link height').to.be.at.least(44);
  });

  it('uses ASCII punctuation in English and full-width punctuation in Chinese', async () => {
    const form = await mount('safecheck-form', { ruleset: allTypes() }, { lang: 'en' });
    await showSectionOf(form, 'f.num');
    const explanation = () => $(form, '.item.computed [part=explanation]').textContent!.trim();
    expect(explanation()).to.equal('Still needed: Quantity');
    await type(form, 'f.num', '12');
    expect($(form, '.item.computed .guidance').textContent).to.equal('Rectification: Load less');
    await showSectionOf(form, 'judge-1');
    await pick(form, 'judge-1', 'noncompliant'); // a second change before the announcement
    await new Promise((r) => setTimeout(r, 500));
    await settle(form);
    expect($(form, '#live').textContent!.trim()).to.equal('Quantity at most 10 t: Fail; Site is tidy: Fail');
    form.answers = { ...COMPLETE, 'f.num': 12, 'judge-1': { verdict: 'noncompliant', note: 'oil on the ground' } };
    expect(form.review()).to.equal(true);
    await settle(form);
    const judged = $$(form, '.summary-row').find((r) => r.textContent!.includes('Site is tidy'))!;
    expect(judged.querySelector('dd')!.textContent).to.equal('Not compliant (oil on the ground)');
    expect($(form, '.base').textContent).to.not.match(/[：；（）、，]/u);
    form.lang = 'zh-CN';
    await settle(form);
    expect(
      $$(form, '.summary-row')
        .find((r) => r.textContent!.includes('现场整洁'))!
        .querySelector('dd')!.textContent,
    ).to.equal('不符合（oil on the ground）');
    form.focusAnswer('f.num');
    await settle(form);
    expect($(form, '.item.computed .guidance').textContent).to.equal('整改要求：减少装载量');
  });

  it('has no accessibility violations on the shipped rulesets', async () => {
    for (const path of [LFC, 'risk-grading/1.0.0.json']) {
      const form = await mount('safecheck-form', { ruleset: await rulesetJson(path), date: DATE });
      await expectAccessible(form);
      form.review();
      await settle(form);
      await expectAccessible(form);
      form.remove();
    }
  });
});
