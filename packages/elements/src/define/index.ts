// Registers every element: <safecheck-form>, <safecheck-report> and <safecheck-findings>.
export { SafecheckForm } from './safecheck-form.js';
export { SafecheckReport } from './safecheck-report.js';
export { SafecheckFindings } from './safecheck-findings.js';
