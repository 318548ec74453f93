import { expect } from 'chai';
import { SafecheckChangeEvent, SafecheckSubmitEvent } from './index.js';
import type { Report } from '@safecheck/core';

describe('events', () => {
  it('are typed Event subclasses that bubble and cross shadow roots', () => {
    const change = new SafecheckChangeEvent({
      key: 'a',
      answers: { a: 1 },
      changed: [{ id: 'x', from: 'incomplete', to: 'pass' }],
      outcome: 'pass',
    });
    expect(change).to.be.instanceOf(Event);
    expect(change.type).to.equal('safecheck-change');
    expect(SafecheckChangeEvent.eventName).to.equal('safecheck-change');
    expect([change.bubbles, change.composed, change.cancelable]).to.deep.equal([true, true, false]);
    const submit = new SafecheckSubmitEvent({ answers: {}, report: { outcome: 'pass' } as Report });
    expect(submit.type).to.equal('safecheck-submit');
    expect([submit.bubbles, submit.composed, submit.cancelable]).to.deep.equal([true, true, true]);
  });

  it('are declared in GlobalEventHandlersEventMap (checked by tsc)', () => {
    // These lines are the test: they compile only while the map declares the events.
    const keys: string[] = [];
    const onChange = (e: GlobalEventHandlersEventMap['safecheck-change']) => keys.push(e.key);
    const onSubmit = (e: GlobalEventHandlersEventMap['safecheck-submit']) => keys.push(e.report.outcome);
    document.addEventListener('safecheck-change', onChange);
    document.addEventListener('safecheck-submit', onSubmit);
    // @ts-expect-error: a change event has no report
    const wrong = (e: GlobalEventHandlersEventMap['safecheck-change']) => e.report;
    document.dispatchEvent(new SafecheckChangeEvent({ key: 'k', answers: {}, changed: [], outcome: 'incomplete' }));
    document.removeEventListener('safecheck-change', onChange);
    document.removeEventListener('safecheck-submit', onSubmit);
    expect(keys).to.deep.equal(['k']);
    expect(typeof wrong).to.equal('function');
  });
});
