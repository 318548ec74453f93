// The `safecheck` command as npm installs it: the link in node_modules/.bin, run on the built
// package. Run by `npm run test:browser` after the build, with node:test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const command = join(root, 'node_modules', '.bin', 'safecheck');
const run = (...args) => spawnSync(command, args, { cwd: root, encoding: 'utf8' });

it('is linked by npm install and runs the built CLI', () => {
  const help = run('--help', '--locale', 'en');
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: safecheck <command>/);
});

it('validates a shipped ruleset with its worked cases, exit 0', () => {
  const r = run('validate', '--locale', 'en', 'rulesets/loading-five-checks/1.0.0.json');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /70 of 70 cases pass/);
});
