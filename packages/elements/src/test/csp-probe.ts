// Loaded first by the strict-CSP test page (a classic script from 'self'): records every
// Content-Security-Policy violation the page causes.
const w = window as unknown as { violations: string[] };
w.violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  w.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
