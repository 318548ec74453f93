// Browser tests of @safecheck/elements, in Debian's Chromium (never a downloaded browser).
// Tests import core's TypeScript source, so they always test the current engine.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { existsSync } from 'node:fs';

const executablePath =
  [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
    (p) => p && existsSync(p),
  ) ?? '/usr/bin/chromium';

/** Serves the strict-CSP test page with the header a locked-down portal sends. */
const strictCsp = {
  name: 'safecheck-strict-csp',
  serve(context) {
    if (context.path.endsWith('.csp.html')) context.set('Content-Security-Policy', "default-src 'self'");
  },
  transform(context) {
    if (context.path.endsWith('.csp.html')) context.set('Content-Security-Policy', "default-src 'self'");
  },
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  plugins: [
    {
      name: 'safecheck-core-source',
      resolveImport({ source }) {
        if (source === '@safecheck/core') return '/packages/core/src/index.ts';
        return undefined;
      },
    },
    strictCsp,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=zh-CN'],
      },
    }),
  ],
};
