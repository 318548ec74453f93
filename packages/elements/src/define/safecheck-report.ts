import { SafecheckReport } from '../components/safecheck-report/safecheck-report.js';

// Registering is the one side effect of the package, and only these files have it.
if (!customElements.get('safecheck-report')) customElements.define('safecheck-report', SafecheckReport);

export { SafecheckReport };
