import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CasesFileSchema, parseRuleset, RulesetSchema, runCases } from '../packages/core/src/index.js';
import { jsonSchemaOf } from '../scripts/generate-schema.js';
import { ROOT } from './paths.js';

/** Every ruleset we ship, and every example scheme of the tests. */
function rulesetFiles(): string[] {
  const files: string[] = [];
  const dir = join(ROOT, 'rulesets');
  for (const id of readdirSync(dir)) {
    if (!statSync(join(dir, id)).isDirectory()) continue;
    for (const f of readdirSync(join(dir, id))) if (/^\d+\.\d+\.\d+\.json$/.test(f)) files.push(join(dir, id, f));
  }
  const fixtures = join(ROOT, 'test/fixtures');
  if (existsSync(fixtures)) {
    for (const f of readdirSync(fixtures))
      if (f.endsWith('.json') && !f.endsWith('.cases.json')) files.push(join(fixtures, f));
  }
  return files.sort();
}

const files = rulesetFiles().map((f) => [relative(ROOT, f), f] as const);

describe('shipped rulesets', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(files)('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const parsed = parseRuleset(text);

    it('parses without issues or warnings', () => {
      expect(parsed.success ? parsed.warnings : parsed.issues).toEqual([]);
    });

    it('lives at <id>/<version>.json and points editors at the generated schema', () => {
      if (!parsed.success) throw new Error('does not parse');
      const json = JSON.parse(text) as { $schema?: string };
      if (file.includes(`${join('rulesets', '')}`) && dirname(dirname(file)) === join(ROOT, 'rulesets')) {
        expect(basename(dirname(file))).toBe(parsed.ruleset.id);
        expect(basename(file)).toBe(`${parsed.ruleset.version}.json`);
        expect(json.$schema).toBe('../ruleset.schema.json');
      }
      expect(parsed.ruleset.changelog.some((c) => c.version === parsed.ruleset.version)).toBe(true);
    });

    it('names a basis for every item and says whether its wording is verified', () => {
      if (!parsed.success) throw new Error('does not parse');
      for (const item of parsed.ruleset.items) {
        expect(item.basis.length, item.id).toBeGreaterThan(0);
        expect(['verified', 'unverified']).toContain(item.provenance);
        expect(item.title['zh-CN'].trim(), item.id).not.toBe('');
        expect(item.title.en.trim(), item.id).not.toBe('');
        expect(item.guidance['zh-CN'].trim(), item.id).not.toBe('');
        expect(item.guidance.en.trim(), item.id).not.toBe('');
      }
    });

    it('passes every worked case', () => {
      if (!parsed.success) throw new Error('does not parse');
      const casesFile = file.replace(/\.json$/, '.cases.json');
      const cases = CasesFileSchema.parse(JSON.parse(readFileSync(casesFile, 'utf8')));
      expect(cases.ruleset).toBe(parsed.ruleset.id);
      expect(cases.version).toBe(parsed.ruleset.version);
      const failures = runCases(parsed.ruleset, cases)
        .filter((r) => !r.ok)
        .map((r) => `${r.id}: ${r.failures.map((f) => f.en).join('; ')}`);
      expect(failures).toEqual([]);
    });
  });
});

describe('generated JSON Schemas', () => {
  it.each([
    ['rulesets/ruleset.schema.json', RulesetSchema, 'ruleset.schema.json'],
    ['rulesets/cases.schema.json', CasesFileSchema, 'cases.schema.json'],
  ] as const)('%s is up to date with the zod schemas (run npm run schema)', (path, schema, id) => {
    expect(readFileSync(join(ROOT, path), 'utf8')).toBe(jsonSchemaOf(schema, id));
  });
});
