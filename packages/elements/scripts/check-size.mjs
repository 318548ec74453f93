// The byte budget of the script-tag bundle, run by `npm test` (after the build): dist/safecheck.js
// (<safecheck-form>, <safecheck-report>, lit, core and zod inlined) at most 60 KB gzip.
// The other bundles' sizes are printed for the record.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const BUDGETS = { 'safecheck.js': 60 * 1024 };

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
let failed = false;

for (const [name, budget] of Object.entries(BUDGETS)) {
  const file = join(dist, name);
  if (!existsSync(file)) {
    console.error(`size: ${name} is missing (run the build first)`);
    failed = true;
    continue;
  }
  const size = gz(file);
  const ok = size <= budget;
  failed ||= !ok;
  console.log(`size: ${name} ${kb(size)} gzip, budget ${kb(budget)} ${ok ? 'ok' : 'OVER BUDGET'}`);
}
const others = readdirSync(dist).filter((f) => f.endsWith('.js') && !(f in BUDGETS));
for (const f of others) console.log(`size: ${f} ${kb(gz(join(dist, f)))} gzip (no budget)`);
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
const esm = ['define', 'components', 'events', 'internal'].flatMap((d) =>
  existsSync(join(dist, d)) ? walk(join(dist, d)) : [],
);
const esmTotal = esm.reduce((sum, f) => sum + gz(f), 0);
console.log(`size: ESM entries (${esm.length} modules, lit and core external) ${kb(esmTotal)} gzip`);
if (failed) {
  console.error(`size: over budget: see ${relative(process.cwd(), dist)}`);
  process.exit(1);
}
