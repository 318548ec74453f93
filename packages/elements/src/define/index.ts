// Registers every element: <safecheck-form> and <safecheck-report>.
export { SafecheckForm } from './safecheck-form.js';
export { SafecheckReport } from './safecheck-report.js';
