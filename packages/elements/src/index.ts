// The classes, importable without registering any tag; `@safecheck/elements/define.js` registers them.
export { SafecheckForm } from './components/safecheck-form/safecheck-form.js';
export { SafecheckReport } from './components/safecheck-report/safecheck-report.js';
export { SafecheckFindings, type FindingsFilter } from './components/safecheck-findings/safecheck-findings.js';
export { SafecheckChangeEvent } from './events/safecheck-change-event.js';
export { SafecheckSubmitEvent } from './events/safecheck-submit-event.js';
export { SafecheckTransitionEvent } from './events/safecheck-transition-event.js';
export { draftKey } from './internal/drafts.js';
