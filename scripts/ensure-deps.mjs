// Installs what a fresh clone is missing before `npm start`, `npm test` or `npm run bench`:
// the npm dependencies, and with --browser a Chromium for the browser tests.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000)) {
  console.error('safecheck: installing npm dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

if (process.argv.includes('--browser')) {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  if (!candidates.some((p) => p && existsSync(p))) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    const apt = existsSync('/usr/bin/apt-get');
    if (root && apt) {
      console.error('safecheck: installing Chromium for the browser tests (apt-get install chromium)…');
      run(
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null',
      );
    } else {
      console.error(
        'safecheck: the browser tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium),\n' +
          'or point CHROME_PATH at a Chrome or Chromium executable, then run the command again.',
      );
      process.exit(1);
    }
  }
}
