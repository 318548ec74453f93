import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../packages/core/src/index.js';
import { ROOT } from './paths.js';

const GUIDE = join(ROOT, 'docs/guides/issues.md');
const SRC = join(ROOT, 'packages/core/src');

/** A snake_case word in backticks: a code, in a table's first column. */
const CODE = /`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`/g;

/** Each table of the guide under the `##` heading it follows, with the codes of its rows in order. */
function tables(markdown: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let heading = '';
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    if (inCode) continue;
    if (line.startsWith('## ')) heading = line.slice(3).trim();
    if (!line.startsWith('|')) continue;
    const first = line.split('|')[1]!.trim();
    for (const [, code] of first.matchAll(CODE)) {
      if (!out.has(heading)) out.set(heading, []);
      out.get(heading)!.push(code!);
    }
  }
  return out;
}

/** The sources each table is about, relative to packages/core/src (a directory ends with `/`). */
const SOURCES: Readonly<Record<string, readonly string[]>> = {
  'Loading a ruleset': ['parse.ts', 'schema/', 'engine/analyze.ts'],
  Composition: ['compose/'],
  'Answers and evaluation': ['answers/', 'engine/evaluate.ts', 'engine/session.ts'],
  Versions: ['versions/'],
  'Hazard findings': ['findings/'],
  'The command line': ['cli/'],
};

function sourceFiles(entry: string): string[] {
  const path = join(SRC, entry);
  if (!entry.endsWith('/')) return [path];
  return readdirSync(path).flatMap((name) => {
    const child = join(path, name);
    if (statSync(child).isDirectory()) return sourceFiles(`${relative(SRC, child)}/`);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [child] : [];
  });
}

/** The codes a source names as `'<code>'`: where it raises them (and, rarely, compares with them). */
function codesNamedIn(entries: readonly string[]): Set<string> {
  const named = new Set<string>();
  for (const file of entries.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const code of ISSUE_CODES) if (text.includes(`'${code}'`)) named.add(code);
  }
  return named;
}

const byTable = tables(readFileSync(GUIDE, 'utf8'));
const documented = new Set([...byTable.values()].flat());

describe('docs/guides/issues.md', () => {
  it('has one table per source, in order', () => {
    expect([...byTable.keys()]).toEqual(Object.keys(SOURCES));
  });

  it('lists every code of ISSUE_CODES in a table row', () => {
    expect(ISSUE_CODES.filter((code) => !documented.has(code))).toEqual([]);
  });

  it('lists no code that ISSUE_CODES lacks', () => {
    const known = new Set<string>(ISSUE_CODES);
    expect([...documented].filter((code) => !known.has(code))).toEqual([]);
  });

  describe.each(Object.entries(SOURCES))('%s', (heading, entries) => {
    const rows = byTable.get(heading) ?? [];

    it('has each code once', () => {
      expect(rows.filter((code, i) => rows.indexOf(code) !== i)).toEqual([]);
    });

    it('lists every code its sources raise', () => {
      expect([...codesNamedIn(entries)].filter((code) => !rows.includes(code))).toEqual([]);
    });
  });
});
