// The self-contained script-tag bundle (dist/safecheck.js): registers both elements and
// exports the classes, the events and core's entry points a page without a build step needs.
import './internal/no-eval.js';
export { SafecheckForm, SafecheckReport } from './define/index.js';
export { SafecheckChangeEvent, SafecheckSubmitEvent } from './events/index.js';
export { draftKey } from './internal/drafts.js';
export { evaluate, parseRuleset, createSession, localize, formatValue } from '@safecheck/core';
