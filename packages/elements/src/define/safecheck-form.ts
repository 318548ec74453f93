// The form shows its review step with <safecheck-report>, so it registers it as well.
import './safecheck-report.js';
import { SafecheckForm } from '../components/safecheck-form/safecheck-form.js';

if (!customElements.get('safecheck-form')) customElements.define('safecheck-form', SafecheckForm);

export { SafecheckForm };
