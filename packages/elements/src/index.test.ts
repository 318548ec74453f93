import { expect } from 'chai';
import { SafecheckChangeEvent, SafecheckForm, SafecheckReport, SafecheckSubmitEvent } from './index.js';

// This file runs in its own page: nothing here imports a define entry.
describe('the package entry', () => {
  it('exports the classes without registering any tag', () => {
    expect(SafecheckForm.formAssociated).to.equal(true);
    expect(typeof SafecheckReport).to.equal('function');
    expect(typeof SafecheckChangeEvent).to.equal('function');
    expect(typeof SafecheckSubmitEvent).to.equal('function');
    expect(customElements.get('safecheck-form')).to.equal(undefined);
    expect(customElements.get('safecheck-report')).to.equal(undefined);
  });

  it('lets a host register the classes under its own names', async () => {
    customElements.define('portal-checklist', class extends SafecheckForm {});
    const el = document.createElement('portal-checklist') as SafecheckForm;
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('未指定检查表');
    el.remove();
  });
});
