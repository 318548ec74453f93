import { evaluate, findingsFromReport, parseRuleset, type Finding, type Ruleset } from '@safecheck/core';
import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../define/safecheck-findings.js';
import { SafecheckTransitionEvent } from '../../events/safecheck-transition-event.js';
import { caseOf } from '../../test/cases.js';
import { $, $$, cleanup, expectAccessible, guardConsole, mount, rulesetJson, settle } from '../../test/helpers.js';
import { SafecheckFindings } from './safecheck-findings.js';

const LFC = 'loading-five-checks/1.0.0.json';
const CASES = 'loading-five-checks/1.0.0.cases.json';
const C3 = 'lfc.c3-inspection-validity';
const ENTERPRISE = { id: '91330100MA2X0001', name: '杭州某危险品运输有限公司' };

let ruleset: Ruleset;

before(async () => {
  const parsed = parseRuleset(await rulesetJson(LFC));
  if (!parsed.success) throw new Error('loading-five-checks does not parse');
  ruleset = parsed.ruleset;
});

/** The open findings of a worked case of the loading checks, found on its date. */
async function findingsOf(caseId: string, inspection = caseId): Promise<Finding[]> {
  const c = await caseOf(CASES, caseId);
  const made = findingsFromReport(evaluate(ruleset, c.answers, { date: c.date }), {
    enterprise: ENTERPRISE,
    inspector: '王五',
    inspection,
  });
  if (!made.ok) throw new Error(JSON.stringify(made.issues));
  return [...made.findings];
}

const findingEl = (list: SafecheckFindings, findingId: string): HTMLElement =>
  list.shadowRoot!.querySelector<HTMLElement>(`[data-finding="${CSS.escape(findingId)}"]`)!;
const commandsOf = (el: HTMLElement): string[] =>
  [...el.querySelectorAll<HTMLButtonElement>('[data-command]:not(form)')].map((b) => b.dataset['command']!);

async function click(list: SafecheckFindings, el: HTMLElement, command: string): Promise<HTMLFormElement> {
  el.querySelector<HTMLButtonElement>(`button[data-command=${command}]`)!.click();
  await settle(list);
  return el.querySelector<HTMLFormElement>('form')!;
}

function fill(form: HTMLFormElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const control = form.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      `[name="${CSS.escape(name)}"]`,
    );
    expect(control, `control ${name}`).to.not.equal(null);
    control!.value = value;
    control!.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

async function submit(list: SafecheckFindings, form: HTMLFormElement): Promise<SafecheckTransitionEvent | null> {
  let fired: SafecheckTransitionEvent | null = null;
  const listener = (e: SafecheckTransitionEvent) => (fired = e);
  list.addEventListener('safecheck-transition', listener);
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await settle(list);
  list.removeEventListener('safecheck-transition', listener);
  return fired;
}

const activeIn = (list: SafecheckFindings): Element | null => list.shadowRoot!.activeElement;

/** A finding assigned, rectified (with this evidence) and verified as passed, in March 2026. */
const verifiedAfterRectifying = (f: Finding, evidence: string[]): Finding => ({
  ...f,
  status: 'verified',
  assignee: '车队安全员',
  due: '2026-03-31',
  verifier: '王五',
  rectification: { by: '赵六', at: '2026-03-20', action: '已送检', evidence },
  verification: {
    by: '王五',
    at: '2026-03-21',
    date: '2026-03-21',
    version: '1.0.0',
    passed: true,
    status: 'pass',
    answers: {},
  },
  updated: '2026-03-21',
  events: 4,
});

describe('<safecheck-findings>', () => {
  guardConsole();
  afterEach(() => cleanup());

  it('is registered by its define entry', () => {
    expect(customElements.get('safecheck-findings')).to.equal(SafecheckFindings);
  });

  it('lists status, due date and counts, and highlights the overdue against the date given (zh-CN by default)', async () => {
    const [c3] = await findingsOf('tank-inspection-expired-13-days');
    const assigned: Finding = { ...c3!, status: 'assigned', assignee: '车队', due: '2026-03-31', verifier: '李四' };
    const closed: Finding = { ...c3!, id: 'x/closed', status: 'closed', due: '2026-03-20' };
    const list = await mount('safecheck-findings', {
      findings: [closed, assigned],
      rulesets: [ruleset],
      date: '2026-04-03',
    });
    const el = findingEl(list, assigned.id);
    expect(el.querySelector('[part=status]')!.textContent!.trim()).to.equal('整改中');
    expect(el.querySelector('[part=due] time')!.getAttribute('datetime')).to.equal('2026-03-31');
    expect(el.classList.contains('overdue')).to.equal(true);
    expect(el.querySelector('[part=overdue]')!.textContent!.trim()).to.equal('逾期 3 天');
    expect(el.querySelector('[part=explanation]')!.textContent).to.contain('2026-02-28');
    // The overdue one comes first, the closed one last, and neither closed nor on-time is highlighted.
    expect($$(list, '[part=finding]').map((li) => li.dataset['finding'])).to.deep.equal([assigned.id, closed.id]);
    expect(findingEl(list, closed.id).classList.contains('overdue')).to.equal(false);
    const counts = Object.fromEntries(
      $$(list, '[data-count]').map((d) => [d.dataset['count'], d.querySelector('dd')!.textContent!.trim()]),
    );
    expect(counts).to.deep.equal({ total: '2', open: '1', overdue: '1', closed: '1' });
    // Not overdue on the due date itself.
    list.date = '2026-03-31';
    await settle(list);
    expect(findingEl(list, assigned.id).classList.contains('overdue')).to.equal(false);
    expect(findingEl(list, assigned.id).querySelector('[part=overdue]')).to.equal(null);
    await expectAccessible(list);
  });

  it('speaks English through lang', async () => {
    const findings = await findingsOf('several-failures');
    const list = await mount(
      'safecheck-findings',
      { findings, rulesets: [ruleset], date: '2026-03-13' },
      { lang: 'en' },
    );
    expect($(list, '.title').textContent).to.equal('Hazard findings');
    expect($(list, '[part=status]').textContent!.trim()).to.equal('Open');
    expect($(list, '[part=due] dd').textContent!.trim()).to.equal('not set');
    expect($(list, 'button[data-command=assign]').getAttribute('aria-label')).to.match(/^Assign: /);
    await expectAccessible(list);
    list.lang = 'zh-CN';
    await settle(list);
    expect($(list, '.title').textContent).to.equal('隐患整改');
  });

  it('offers the actions each status allows, as core says', async () => {
    const [f] = await findingsOf('tank-inspection-expired-13-days');
    const at = (status: Finding['status'], id: string): Finding => ({ ...f!, id, status });
    const list = await mount('safecheck-findings', {
      findings: [at('open', 'a'), at('assigned', 'b'), at('rectified', 'c'), at('verified', 'd'), at('closed', 'e')],
      rulesets: [ruleset],
      date: '2026-03-14',
    });
    expect(commandsOf(findingEl(list, 'a'))).to.deep.equal(['assign']);
    expect(commandsOf(findingEl(list, 'b'))).to.deep.equal(['assign', 'rectify']);
    expect(commandsOf(findingEl(list, 'c'))).to.deep.equal(['verify']);
    expect(commandsOf(findingEl(list, 'd'))).to.deep.equal(['close', 'reopen']);
    expect(commandsOf(findingEl(list, 'e'))).to.deep.equal(['reopen']);
    expect(findingEl(list, 'b').querySelector('button[data-command=assign]')!.textContent!.trim()).to.equal('重新指派');
  });

  it('runs the whole loop through core: assign, rectify, verify by re-evaluating, close', async () => {
    const [f] = await findingsOf('tank-inspection-expired-13-days');
    const list = await mount('safecheck-findings', {
      findings: [f!],
      rulesets: [ruleset],
      date: '2026-03-14',
      user: '李科长',
    });
    let el = findingEl(list, f!.id);

    // assign
    let form = await click(list, el, 'assign');
    expect(activeIn(list)).to.equal(form.querySelector('[name=assignee]'));
    expect($(list, 'button[data-command=assign]').getAttribute('aria-expanded')).to.equal('true');
    fill(form, { assignee: '车队安全员', due: '2026-03-31', verifier: '王五' });
    let fired = await submit(list, form);
    expect(fired).to.be.instanceOf(SafecheckTransitionEvent);
    expect(fired!.event).to.include({
      action: 'assigned',
      by: '李科长',
      at: '2026-03-14',
      from: 'open',
      to: 'assigned',
    });
    expect(fired!.finding).to.include({
      status: 'assigned',
      assignee: '车队安全员',
      due: '2026-03-31',
      verifier: '王五',
    });
    expect(list.findings[0]).to.equal(fired!.finding);
    expect(fired!.findings).to.deep.equal(list.findings);
    expect($(list, '#live').textContent!.trim()).to.equal(
      `${ruleset.items.find((i) => i.id === C3)!.title['zh-CN']}：已指派给 车队安全员`,
    );
    el = findingEl(list, f!.id);
    expect(activeIn(list)).to.equal(el.querySelector('h3'));

    // rectify, by the carrier
    list.user = '赵六';
    list.date = '2026-03-20';
    await settle(list);
    form = await click(list, el, 'rectify');
    fill(form, { action: '罐体定期检验，取得新检验报告', evidence: '罐检报告 GJ-2026-0318\nphoto-17' });
    fired = await submit(list, form);
    expect(fired!.finding.rectification).to.deep.equal({
      by: '赵六',
      at: '2026-03-20',
      action: '罐体定期检验，取得新检验报告',
      evidence: ['罐检报告 GJ-2026-0318', 'photo-17'],
    });
    expect(findingEl(list, f!.id).querySelector('.rectification')!.textContent).to.contain('GJ-2026-0318');

    // verify: the form asks for what the item reads, filled with what was found
    list.user = '王五';
    list.date = '2026-03-21';
    await settle(list);
    form = await click(list, findingEl(list, f!.id), 'verify');
    const tank = form.querySelector<HTMLInputElement>('[name="answer:tank.inspection_valid_to"]')!;
    expect(tank.type).to.equal('date');
    expect(tank.value).to.equal('2026-02-28');
    expect(form.querySelector('[name="answer:goods.quantity"]')).to.equal(null);
    fill(form, { 'answer:tank.inspection_valid_to': '2027-03-17' });
    await expectAccessible(list);
    fired = await submit(list, form);
    expect(fired!.event).to.include({ action: 'verified', from: 'rectified', to: 'verified', by: '王五' });
    expect(fired!.finding.verification).to.include({ status: 'pass', passed: true, version: '1.0.0' });
    expect($(list, '#live').textContent).to.contain('验证通过');

    // close
    list.user = '李科长';
    await settle(list);
    form = await click(list, findingEl(list, f!.id), 'close');
    fired = await submit(list, form);
    expect(fired!.finding.status).to.equal('closed');
    expect(findingEl(list, f!.id).querySelector('.verification-passed')!.textContent).to.contain('王五');
    expect(findingEl(list, f!.id).querySelector('.closed-by')!.textContent).to.contain('李科长');
    expect(commandsOf(findingEl(list, f!.id))).to.deep.equal(['reopen']);
    expect($(list, '[data-count=closed] dd').textContent!.trim()).to.equal('1');
  });

  it('shows core refusals in the form: a major item without a named verifier', async () => {
    const [f] = await findingsOf('tank-inspection-expired-13-days');
    const list = await mount('safecheck-findings', {
      findings: [f!],
      rulesets: [ruleset],
      date: '2026-03-14',
      user: '李科长',
    });
    const form = await click(list, findingEl(list, f!.id), 'assign');
    fill(form, { assignee: '车队安全员', due: '2026-03-31' });
    const fired = await submit(list, form);
    expect(fired).to.equal(null);
    expect(list.findings[0]).to.equal(f);
    const errors = $(list, '[part=error]');
    expect(errors.getAttribute('role')).to.equal('alert');
    expect(activeIn(list)).to.equal(errors);
    expect([...errors.querySelectorAll('li')].map((li) => li.dataset['code'])).to.deep.equal(['verifier_required']);
    expect(errors.textContent).to.contain('指定验证人');
    const verifier = form.querySelector<HTMLInputElement>('[name=verifier]')!;
    expect(verifier.getAttribute('aria-invalid')).to.equal('true');
    expect(verifier.getAttribute('aria-describedby')).to.contain(errors.id);
    await expectAccessible(list);
  });

  it('refuses self-verification, and sends a failed verification back to the assignee, overdue after the due date', async () => {
    const [f] = await findingsOf('tank-inspection-expired-13-days');
    const rectified: Finding = {
      ...f!,
      status: 'rectified',
      assignee: '车队安全员',
      due: '2026-03-31',
      verifier: '王五',
      rectification: { by: '赵六', at: '2026-03-20', action: '已送检', evidence: [] },
      updated: '2026-03-20',
      events: 3,
    };
    const list = await mount('safecheck-findings', {
      findings: [rectified],
      rulesets: [ruleset],
      date: '2026-03-21',
      user: '赵六',
    });
    let form = await click(list, findingEl(list, f!.id), 'verify');
    expect(await submit(list, form)).to.equal(null);
    expect($$(list, '[part=error] li').map((li) => li.dataset['code'])).to.deep.equal(['self_verification']);

    fill(form, { by: '王五' });
    const fired = await submit(list, form);
    expect(fired!.event).to.include({ action: 'verification_failed', from: 'rectified', to: 'assigned' });
    const el = findingEl(list, f!.id);
    expect(el.querySelector('[part=status]')!.textContent!.trim()).to.equal('整改中');
    expect(el.querySelector('.verification-failed')!.textContent).to.contain('2026-02-28');
    expect($(list, '#live').textContent).to.contain('验证未通过');
    list.date = '2026-04-01';
    await settle(list);
    expect(findingEl(list, f!.id).querySelector('[part=overdue]')!.textContent!.trim()).to.equal('逾期 1 天');
    // The next verifier starts from the answers that failed.
    form = await click(list, findingEl(list, f!.id), 'rectify');
    fill(form, { action: '重新送检' });
    await submit(list, form);
    form = await click(list, findingEl(list, f!.id), 'verify');
    expect(form.querySelector<HTMLInputElement>('[name="answer:tank.inspection_valid_to"]')!.value).to.equal(
      '2026-02-28',
    );
  });

  it('keeps the list as it was when the host cancels the event', async () => {
    const [f] = await findingsOf('tank-inspection-expired-13-days');
    const list = await mount('safecheck-findings', {
      findings: [f!],
      rulesets: [ruleset],
      date: '2026-03-14',
      user: '李科长',
    });
    list.addEventListener('safecheck-transition', (e) => e.preventDefault());
    const form = await click(list, findingEl(list, f!.id), 'assign');
    fill(form, { assignee: '车队', due: '2026-03-31', verifier: '王五' });
    const fired = await submit(list, form);
    expect(fired!.defaultPrevented).to.equal(true);
    expect(list.findings[0]).to.equal(f);
    expect(findingEl(list, f!.id).querySelector('form')).to.not.equal(null);
  });

  it('works from the keyboard: Enter opens a form, Escape closes it and returns focus', async () => {
    const [f] = await findingsOf('tank-inspection-expired-13-days');
    const list = await mount('safecheck-findings', { findings: [f!], rulesets: [ruleset], date: '2026-03-14' });
    const button = findingEl(list, f!.id).querySelector<HTMLButtonElement>('button[data-command=assign]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await settle(list);
    const form = findingEl(list, f!.id).querySelector('form')!;
    expect(form).to.not.equal(null);
    expect(activeIn(list)).to.equal(form.querySelector('[name=assignee]'));
    await sendKeys({ type: '车队' });
    await sendKeys({ press: 'Escape' });
    await settle(list);
    expect(findingEl(list, f!.id).querySelector('form')).to.equal(null);
    expect(activeIn(list)).to.equal(findingEl(list, f!.id).querySelector('button[data-command=assign]'));
    expect(getComputedStyle(activeIn(list)!).outlineStyle).to.equal('solid');
  });

  it('keeps the focus in the list when an action takes the finding out of the filter', async () => {
    const [f] = await findingsOf('tank-inspection-expired-13-days');
    const verified = verifiedAfterRectifying(f!, []);
    const list = await mount('safecheck-findings', {
      findings: [verified],
      rulesets: [ruleset],
      date: '2026-03-22',
      user: '李科长',
      filter: 'open',
    });
    const form = await click(list, findingEl(list, f!.id), 'close');
    const fired = await submit(list, form);
    expect(fired!.finding.status).to.equal('closed');
    expect(findingEl(list, f!.id), 'the closed finding is filtered out').to.satisfy((el: unknown) => el === null);
    expect(activeIn(list)?.id, 'focus').to.equal('title');
  });

  it('uses the punctuation of its language around who did a step and when', async () => {
    const [f] = await findingsOf('tank-inspection-expired-13-days');
    const closed: Finding = {
      ...verifiedAfterRectifying(f!, ['P-1', 'P-2']),
      status: 'closed',
      closed: { by: '李科长', at: '2026-03-22' },
      updated: '2026-03-22',
      events: 5,
    };
    const list = await mount('safecheck-findings', { findings: [closed], date: '2026-03-22' }, { lang: 'en' });
    const text = (sel: string) => $(list, sel).textContent!.replace(/\s+/g, ' ').trim();
    expect(text('.explanation')).to.match(/^Problem: \S/);
    expect(text('.rectification')).to.equal('Rectification: 已送检 (赵六, 2026-03-20) Evidence: P-1; P-2');
    expect(text('.verification-passed')).to.equal('Verification passed (王五, 2026-03-21)');
    expect(text('.closed-by')).to.equal('Closed (李科长, 2026-03-22)');
    expect($(list, '.finding').textContent).to.not.match(/[：（），；]/);
    list.lang = 'zh-CN';
    await settle(list);
    expect(text('.rectification')).to.equal('整改情况：已送检（赵六，2026-03-20） 整改证据：P-1；P-2');
    expect(text('.closed-by')).to.equal('已销号（李科长，2026-03-22）');
  });

  it('spaces "(required)" from its label in English', async () => {
    const [f] = await findingsOf('tank-inspection-expired-13-days');
    const list = await mount('safecheck-findings', { findings: [f!], date: '2026-03-14' }, { lang: 'en' });
    const form = await click(list, findingEl(list, f!.id), 'assign');
    expect(form.querySelector('label[for$=assignee]')!.textContent).to.equal('Assignee (required)');
  });

  it('filters: not closed, overdue, closed', async () => {
    const [a, b] = await findingsOf('several-failures');
    const overdue: Finding = { ...a!, status: 'assigned', assignee: '车队', due: '2026-03-20' };
    const closed: Finding = { ...b!, status: 'closed' };
    const list = await mount('safecheck-findings', { findings: [overdue, closed], date: '2026-04-01' });
    const select = $<HTMLSelectElement>(list, '[part~=filter]');
    const shown = () => $$(list, '[part=finding]').map((li) => li.dataset['finding']);
    for (const [value, ids] of [
      ['overdue', [overdue.id]],
      ['closed', [closed.id]],
      ['open', [overdue.id]],
      ['all', [overdue.id, closed.id]],
    ] as const) {
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await settle(list);
      expect(shown(), value).to.deep.equal(ids);
    }
  });

  it('cannot verify without the ruleset of the finding, and says so', async () => {
    const [f] = await findingsOf('tank-inspection-expired-13-days');
    const rectified: Finding = {
      ...f!,
      status: 'rectified',
      rectification: { by: '赵六', at: '2026-03-20', action: 'x', evidence: [] },
    };
    const list = await mount('safecheck-findings', { findings: [rectified], date: '2026-03-21' });
    const form = await click(list, findingEl(list, f!.id), 'verify');
    expect(form.querySelector('.no-ruleset')!.textContent).to.contain('检查表');
    expect(form.querySelector('button[type=submit]')).to.equal(null);
    await expectAccessible(list);
  });

  it("verifies a judgment item with the verifier's verdict", async () => {
    const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
    const parsed = parseRuleset({
      id: 'site-walk',
      version: '1.0.0',
      dialect: 1,
      validFrom: '2026-01-01',
      changelog: [{ version: '1.0.0', date: '2026-01-01', changes: t('首版', 'first') }],
      title: t('现场检查', 'Site walk'),
      basis: [{ document: t('某规定', 'A regulation'), status: 'verified' }],
      sections: [{ id: 's', title: t('现场', 'Site') }],
      fields: [],
      items: [
        {
          id: 'exits',
          section: 's',
          title: t('安全出口畅通', 'Exits are clear'),
          judgment: true,
          severity: 'general',
          guidance: t('清理通道', 'Clear the way'),
          basis: [{ document: t('某规定', 'A regulation'), status: 'verified' }],
          provenance: 'verified',
        },
      ],
    });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    const made = findingsFromReport(evaluate(parsed.ruleset, { exits: 'noncompliant' }, { date: '2026-03-01' }), {
      enterprise: ENTERPRISE,
      inspector: '王五',
    });
    if (!made.ok) throw new Error('fixture');
    const f: Finding = {
      ...made.findings[0]!,
      status: 'rectified',
      assignee: '车间',
      rectification: { by: '赵六', at: '2026-03-05', action: '已清理', evidence: [] },
    };
    const list = await mount('safecheck-findings', {
      findings: [f],
      rulesets: [parsed.ruleset],
      date: '2026-03-06',
      user: '王五',
    });
    const form = await click(list, findingEl(list, f.id), 'verify');
    const verdict = form.querySelector<HTMLSelectElement>('select[name="answer:exits"]')!;
    expect([...verdict.options].map((o) => o.value)).to.deep.equal(['', 'compliant', 'noncompliant', 'not_applicable']);
    fill(form, { 'answer:exits': 'compliant' });
    const fired = await submit(list, form);
    expect(fired!.finding.verification).to.include({ status: 'pass', passed: true });
    expect(fired!.finding.verification!.answers).to.deep.equal({ exits: 'compliant' });
  });

  it('shows findings that are not a list as issues, in both languages, and never throws', async () => {
    for (const value of ['abc', {}]) {
      const list = await mount('safecheck-findings', { findings: value as never, date: '2026-03-21' });
      expect($(list, '[role=alert]').textContent, JSON.stringify(value)).to.contain('隐患记录无效');
      expect(list.findingsIssues.map((i) => i.code)).to.deep.equal(['invalid_type']);
      expect($(list, '[data-count=total] dd').textContent).to.equal('0');
    }
    const list = await mount('safecheck-findings', { findings: 'abc' as never, date: '2026-03-21' }, { lang: 'en' });
    expect($(list, '[role=alert]').textContent).to.contain('The findings are invalid');
    await expectAccessible(list);
  });

  it('leaves out entries that are not findings, says how many, and keeps them in the new list', async () => {
    const [c3] = await findingsOf('tank-inspection-expired-13-days');
    const { title: _title, ...untitled } = c3!;
    const findings = [null, c3!, {}, 1, untitled] as never as Finding[];
    const list = await mount('safecheck-findings', { findings, rulesets: [ruleset], date: '2026-03-21' });
    expect($$(list, '[part=finding]')).to.have.length(1);
    expect($(list, '[data-count=total] dd').textContent).to.equal('1');
    expect($(list, '[role=alert]').textContent).to.contain('4 条记录不是隐患记录');
    expect([...new Set(list.findingsIssues.map((i) => i.path[0]))]).to.deep.equal([0, 2, 3, 4]);
    expect(list.findingsIssues.find((i) => i.path[0] === 4)!.path).to.deep.equal([4, 'title']);
    await expectAccessible(list);
    list.lang = 'en';
    await settle(list);
    expect($(list, '[role=alert]').textContent).to.contain('4 entries are not findings');
    // An action still works, and the list it hands back keeps every entry where it was.
    const form = await click(list, findingEl(list, c3!.id), 'assign');
    fill(form, { assignee: '车队', due: '2026-03-31', verifier: '王五', by: '李科长' });
    const fired = await submit(list, form);
    expect(fired!.findings).to.have.length(5);
    expect(fired!.findings[0]).to.equal(null);
    expect(fired!.findings[1]!.status).to.equal('assigned');
  });

  it('says which rulesets could not be used', async () => {
    const list = await mount('safecheck-findings', { findings: [], rulesets: ['junk', { id: 1 }, ruleset] as never });
    expect($(list, '[role=alert]').textContent).to.contain('检查表无效');
    const indexes = list.rulesetIssues.map((i) => i.path[0]);
    expect([...new Set(indexes)]).to.deep.equal([0, 1]);
    await expectAccessible(list);
    list.lang = 'en';
    await settle(list);
    expect($(list, '[role=alert]').textContent).to.contain('checklist');
    list.rulesets = ruleset as never; // one ruleset, not a list of them
    await settle(list);
    expect(list.rulesetIssues.map((i) => i.path)).to.deep.equal([[]]);
    list.rulesets = [ruleset];
    await settle(list);
    expect(list.rulesetIssues).to.have.length(0);
    expect(list.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('says when its date is not a date, rather than counting nothing overdue in silence', async () => {
    const list = await mount('safecheck-findings', { findings: [], date: '2026-02-30' });
    const alert = $(list, '[role=alert]');
    expect(alert.textContent).to.contain('日期无效');
    expect(alert.textContent).to.contain('2026-02-30');
    list.date = '2026-03-21';
    await settle(list);
    expect(list.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('shows an empty register', async () => {
    const list = await mount('safecheck-findings', { findings: [], date: '2026-03-21' });
    expect($(list, '.empty').textContent).to.equal('没有隐患记录。');
    await expectAccessible(list);
  });
});
