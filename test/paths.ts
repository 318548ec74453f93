import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A file of the shared conformance suites beside the checkout; fails loudly when absent. */
export function conformanceFile(relative: string): string {
  const file = resolve(ROOT, '../shared/conformance', relative);
  if (!existsSync(file)) throw new Error(`conformance suite not found at ${file}: check out beside ../shared`);
  return file;
}
