// The self-contained script-tag bundle with every element (dist/safecheck-findings.js):
// <safecheck-form>, <safecheck-report> and <safecheck-findings>, and the findings functions of core.
export { SafecheckForm, SafecheckReport, SafecheckFindings } from './define/index.js';
export { SafecheckChangeEvent, SafecheckSubmitEvent, SafecheckTransitionEvent } from './events/index.js';
export { draftKey } from './internal/drafts.js';
export { evaluate, parseRuleset, createSession, localize, formatValue } from '@safecheck/core';
export { findingsFromReport, summarizeFindings } from '@safecheck/core';
