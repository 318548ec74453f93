// The self-contained script-tag bundle (dist/safecheck.js): registers every element and
// exports the classes, the events and core's entry points a page without a build step needs.
import './internal/no-eval.js';
export { SafecheckForm, SafecheckReport, SafecheckFindings } from './define/index.js';
export { SafecheckChangeEvent, SafecheckSubmitEvent, SafecheckTransitionEvent } from './events/index.js';
export { draftKey } from './internal/drafts.js';
export { evaluate, parseRuleset, createSession, localize, formatValue } from '@safecheck/core';
export { findingsFromReport, summarizeFindings } from '@safecheck/core';
