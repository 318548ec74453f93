// Parses rulesets and runs their worked cases: `npx tsx scripts/check-ruleset.ts <ruleset.json>…`
import { existsSync, readFileSync } from 'node:fs';
import { CasesFileSchema, formatPath, parseRuleset, runCases } from '../packages/core/src/index.js';

let failed = false;
for (const file of process.argv.slice(2)) {
  const result = parseRuleset(readFileSync(file, 'utf8'));
  if (!result.success) {
    failed = true;
    console.log(`${file}: ${result.issues.length} issues`);
    for (const i of result.issues) console.log(`  ${formatPath(i.path)}  ${i.code}  ${i.message.en}`);
    continue;
  }
  for (const w of result.warnings) console.log(`  warning ${formatPath(w.path)}  ${w.code}  ${w.message.en}`);
  const ruleset = result.ruleset;
  console.log(`${file}: ok — ${ruleset.items.length} items, ${ruleset.fields.length} fields`);
  const casesFile = file.replace(/\.json$/, '.cases.json');
  if (!existsSync(casesFile)) {
    console.log(`  no cases file ${casesFile}`);
    continue;
  }
  const cases = CasesFileSchema.safeParse(JSON.parse(readFileSync(casesFile, 'utf8')));
  if (!cases.success) {
    failed = true;
    for (const i of cases.error.issues) console.log(`  ${casesFile} ${i.path.join('.')}: ${i.message}`);
    continue;
  }
  const results = runCases(ruleset, cases.data);
  const bad = results.filter((r) => !r.ok);
  console.log(`  cases: ${results.length - bad.length} passed, ${bad.length} failed`);
  for (const r of bad) {
    failed = true;
    console.log(`  ✗ ${r.id}`);
    for (const f of r.failures) console.log(`      ${f.en}`);
  }
}
process.exit(failed ? 1 : 0);
