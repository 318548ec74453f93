import { expect } from 'chai';
import '../define/index.js';
import { $, cleanup, guardConsole, mount, settle } from '../test/helpers.js';
import { syntheticChecklist } from '../test/synthetic.js';

describe('theming', () => {
  guardConsole();
  afterEach(() => {
    cleanup();
    document.getElementById('theme')?.remove();
  });

  it('follows the --safecheck-* custom properties and ::part() rules of the host page', async () => {
    const style = document.createElement('style');
    style.id = 'theme';
    style.textContent = `
      .branded { --safecheck-color-fail: rgb(1, 2, 3); --safecheck-color-accent: rgb(4, 5, 6); --safecheck-font-size: 20px; }
      safecheck-form::part(title) { letter-spacing: 3px; }
      safecheck-report::part(outcome) { text-transform: uppercase; }
    `;
    document.head.append(style);
    const wrapper = document.createElement('div');
    wrapper.className = 'branded';
    const form = await mount('safecheck-form', { ruleset: syntheticChecklist(4, 1), noDraft: true }, {}, wrapper);
    form.focusAnswer('syn-1');
    await settle(form);
    const radio = form.shadowRoot!.querySelector<HTMLInputElement>('input[data-key="syn-1"][value="noncompliant"]')!;
    radio.checked = true;
    radio.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(form);
    expect(getComputedStyle($(form, '#c-syn-1-verdict')).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle($(form, '.review-button')).backgroundColor).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(form).fontSize).to.equal('20px');
    expect(getComputedStyle($(form, '[part=title]')).letterSpacing).to.equal('3px');
    const report = await mount('safecheck-report', { report: form.report()!, ruleset: form.loadedRuleset! });
    expect(getComputedStyle($(report, '[part=outcome]')).textTransform).to.equal('uppercase');
  });
});
