// The self-contained script-tag bundle (dist/safecheck.js): registers <safecheck-form> and
// <safecheck-report> and exports the classes, the events and core's entry points a page
// without a build step needs. Its budget is 60 KB gzip (checked by `npm test`).
// <safecheck-findings> ships in its own self-contained file, dist/safecheck-findings.js.
export { SafecheckForm } from './define/safecheck-form.js';
export { SafecheckReport } from './define/safecheck-report.js';
export { SafecheckChangeEvent, SafecheckSubmitEvent } from './events/index.js';
export { draftKey } from './internal/drafts.js';
export { evaluate, parseRuleset, createSession, localize, formatValue } from '@safecheck/core';
