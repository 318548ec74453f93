export { SafecheckChangeEvent } from './safecheck-change-event.js';
export { SafecheckSubmitEvent } from './safecheck-submit-event.js';
