import { parseRuleset, type Ruleset } from '@safecheck/core';
import { expect } from 'chai';
import '../define/index.js';
import type { SafecheckReport } from '../components/safecheck-report/safecheck-report.js';
import { allCases } from './cases.js';
import { $, cleanup, expectAccessible, guardConsole, mount, rulesetJson, settle } from './helpers.js';

/** The shipped rulesets, each with its worked cases. */
const SHIPPED = ['loading-five-checks', 'risk-grading', 'hazchem-checklist'];

describe('the shipped rulesets in the elements', () => {
  guardConsole();
  afterEach(cleanup);

  for (const id of SHIPPED) {
    describe(id, () => {
      let ruleset: Ruleset;
      before(async () => {
        const result = parseRuleset(await rulesetJson(`${id}/1.0.0.json`));
        if (!result.success) throw new Error(`${id} does not parse: ${JSON.stringify(result.issues.slice(0, 3))}`);
        ruleset = result.ruleset;
      });

      it('gives every worked case its expected outcome through <safecheck-form> and <safecheck-report>', async () => {
        const cases = await allCases(`${id}/1.0.0.cases.json`, ruleset);
        expect(cases.length).to.be.greaterThan(0);
        const form = await mount('safecheck-form', { ruleset, noDraft: true });
        const report = await mount('safecheck-report', { ruleset, noPrintButton: true });
        const wrong: string[] = [];
        let checked = 0;
        for (const c of cases) {
          form.date = c.date;
          form.answers = c.answers;
          await settle(form);
          const result = form.report()!;
          for (const [item, status] of Object.entries(c.case.expect.items ?? {})) {
            const got = result.items.find((i) => i.id === item)?.status;
            if (got !== status) wrong.push(`${c.case.id}: ${item} is ${got}, expected ${status}`);
          }
          if (c.case.expect.outcome) {
            checked++;
            if (result.outcome !== c.case.expect.outcome)
              wrong.push(`${c.case.id}: outcome ${result.outcome}, expected ${c.case.expect.outcome}`);
            report.report = result;
            await settle(report);
            expect($(report, '[part=outcome]').dataset['outcome']).to.equal(result.outcome);
          }
          if (c.case.expect.band && result.score?.band.id !== c.case.expect.band)
            wrong.push(`${c.case.id}: band ${result.score?.band.id}, expected ${c.case.expect.band}`);
        }
        expect(wrong).to.deep.equal([]);
        expect(checked).to.be.greaterThan(0);
      });

      it('renders every section page and the review with no accessibility violation', async () => {
        const form = await mount('safecheck-form', { ruleset, noDraft: true, date: '2026-03-13' });
        const pages = form.shadowRoot!.querySelectorAll('.nav-link').length || 1;
        for (let page = 0; page < pages; page++) {
          form.shadowRoot!.querySelector<HTMLButtonElement>(`.nav-link[data-page="${page}"]`)?.click();
          await settle(form);
          await expectAccessible(form);
        }
        // With nothing answered: the error summary.
        expect(form.review()).to.equal(false);
        await settle(form);
        await expectAccessible(form);
        // With the first worked case: the review step and its report.
        const [first] = await allCases(`${id}/1.0.0.cases.json`, ruleset);
        form.date = first!.date;
        form.answers = first!.answers;
        await settle(form);
        form.review();
        await settle(form);
        await expectAccessible(form);
        const report = $<SafecheckReport>(form, 'safecheck-report');
        await expectAccessible(report);
      });
    });
  }
});
