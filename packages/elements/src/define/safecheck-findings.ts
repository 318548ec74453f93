import { SafecheckFindings } from '../components/safecheck-findings/safecheck-findings.js';

// Registering is the one side effect of the package, and only these files have it.
if (!customElements.get('safecheck-findings')) customElements.define('safecheck-findings', SafecheckFindings);

export { SafecheckFindings };
