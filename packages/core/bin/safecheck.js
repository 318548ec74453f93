#!/usr/bin/env node
// The `safecheck` command. It lives outside dist/ so that npm links it at install time, before
// the first build of a fresh clone.
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write(
      'safecheck：尚未构建，请先运行 npm run build\nsafecheck: not built yet: run npm run build first\n',
    );
    process.exit(2);
  }
  throw error;
});
