// `npm start`: (after `npm run build`) builds the demo and serves it on a local port it prints.
// PORT=8080 npm start picks the port; otherwise 5178, or any free port when that one is taken.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo } from '../demo/build.mjs';
import { serveDemo } from './serve-demo.mjs';

const root = join(fileURLToPath(new URL('..', import.meta.url)), 'build', 'demo');
const rulesets = await buildDemo(root);
const wanted = Number(process.env.PORT ?? 5178);
const served = await serveDemo({ root, port: wanted }).catch((error) => {
  if (error.code !== 'EADDRINUSE') throw error;
  return serveDemo({ root, port: 0 });
});
const { url } = served;
console.log(`safecheck demo: ${url}`);
console.log(`  rulesets          ${url}index.html  (${rulesets.map((r) => `${r.id}@${r.version}`).join(', ')})`);
console.log(`  findings          ${url}findings.html  (hazards: assign, rectify, verify, close; kept in localStorage)`);
console.log(`  plain HTML        ${url}plain.html`);
console.log(`  React             ${url}react.html`);
console.log(`  Vue               ${url}vue.html`);
console.log(`  strict CSP        ${url}strict.html  (Content-Security-Policy: default-src 'self')`);
if (!rulesets.some((r) => r.id === 'hazchem-checklist')) {
  console.log('  (the 418-item hazchem checklist is not in rulesets/ yet; it appears here once it is)');
}
console.log('Ctrl+C stops the server.');
