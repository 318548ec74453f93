export { SafecheckChangeEvent } from './safecheck-change-event.js';
export { SafecheckSubmitEvent } from './safecheck-submit-event.js';
export { SafecheckTransitionEvent } from './safecheck-transition-event.js';
