// npm run bench: every benchmark of the project, one after the other, each in its own process.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .sort();
let failed = false;
for (const file of benches) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  failed ||= r.status !== 0;
}
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
if (scripts['bench:elements'] && existsSync('packages/elements')) {
  const r = spawnSync('npm', ['run', '--silent', 'bench:elements'], { stdio: 'inherit' });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
