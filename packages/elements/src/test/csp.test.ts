import { expect } from 'chai';
import type { SafecheckForm } from '../components/safecheck-form/safecheck-form.js';
import type { SafecheckReport } from '../components/safecheck-report/safecheck-report.js';
import { guardConsole } from './helpers.js';

interface Probe {
  violations: string[];
  inlineRan?: boolean;
}

async function until<T>(what: string, get: () => T | null | undefined, ms = 10000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('strict Content-Security-Policy', () => {
  guardConsole();

  it("works on a page served with default-src 'self', through the self-contained bundle", async () => {
    const response = await fetch('/packages/elements/src/test/strict.csp.html');
    expect(response.headers.get('content-security-policy')).to.equal("default-src 'self'");
    const bundle = await fetch('/packages/elements/dist/safecheck.js', { method: 'HEAD' });
    expect(bundle.ok, 'build the bundle first: npm run build:elements').to.equal(true);

    const frame = document.createElement('iframe');
    frame.src = '/packages/elements/src/test/strict.csp.html';
    frame.style.width = '1000px';
    frame.style.height = '800px';
    document.body.append(frame);
    try {
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      const win = frame.contentWindow as unknown as Window & Probe;
      const doc = frame.contentDocument!;
      const form = await until('the form', () => {
        const el = doc.querySelector('safecheck-form') as SafecheckForm | null;
        return el?.loadedRuleset && el.shadowRoot?.querySelector('input') ? el : null;
      });
      const cases = await (await fetch('/rulesets/loading-five-checks/1.0.0.cases.json')).json();
      const answers = { ...cases.cases[0].answers, 'goods.quantity': 31 };
      form.answers = answers;
      await form.updateComplete;
      const report = doc.querySelector('safecheck-report') as SafecheckReport;
      report.ruleset = form.loadedRuleset!;
      report.report = form.report()!;
      await report.updateComplete;
      const outcome = report.shadowRoot!.querySelector('[part=outcome]')!;
      expect(outcome.textContent).to.equal('REFUSE');
      // Styles apply (constructable stylesheets are allowed by the policy)…
      expect(win.getComputedStyle(outcome).fontWeight).to.equal('700');
      // …the form evaluates rules (no eval needed)…
      expect(form.review()).to.equal(true);
      await form.updateComplete;
      // …and a graded report (score, band colour, deductions) renders too.
      const graded = await (await fetch('/rulesets/risk-grading/1.0.0.json')).json();
      const other = doc.createElement('safecheck-report') as SafecheckReport;
      doc.body.append(other);
      other.ruleset = graded;
      other.answers = { 'hazard.major_source_level': '1' };
      await other.updateComplete;
      const band = other.shadowRoot!.querySelector('[part=band]')!;
      expect(band.textContent).to.not.equal('');
      expect(win.getComputedStyle(band).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
      // …and the page broke no rule of the policy, which is in force.
      expect(win.violations.filter((v) => !v.startsWith('script-src-elem inline'))).to.deep.equal([]);
      expect(win.inlineRan).to.equal(undefined);
      expect(win.violations.some((v) => v.includes('inline'))).to.equal(true);
    } finally {
      frame.remove();
    }
  });
});
