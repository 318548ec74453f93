// The strict-CSP page's only script of its own (from 'self', as the policy demands).
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
const form = document.getElementById('form');
const report = document.getElementById('report');
const status = document.getElementById('csp-status');
const d = new Date();
form.date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const refresh = () => {
  if (!form.loadedRuleset) return;
  report.ruleset = form.loadedRuleset;
  report.report = form.report();
  status.textContent =
    violations.length === 0 ? '没有违反 CSP 的行为。No CSP violation.' : `CSP violations: ${violations.join('; ')}`;
};
form.addEventListener('safecheck-change', refresh);
const wait = setInterval(() => {
  if (form.loadedRuleset) {
    clearInterval(wait);
    refresh();
  }
}, 50);
