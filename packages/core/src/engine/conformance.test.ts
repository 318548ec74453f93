import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformanceFile } from '../../../../test/paths.js';
import { compileLogic } from './compile.js';

type Case = [rule: unknown, data: unknown, expected: unknown];

const raw = JSON.parse(readFileSync(conformanceFile('jsonlogic/tests.json'), 'utf8')) as unknown[];
const cases: { section: string; rule: unknown; data: unknown; expected: unknown }[] = [];
let section = '';
for (const entry of raw) {
  if (typeof entry === 'string') section = entry;
  else {
    const [rule, data, expected] = entry as Case;
    cases.push({ section, rule, data, expected });
  }
}

describe('the official JSON-Logic suite', () => {
  it('has its 277 cases', () => {
    expect(cases).toHaveLength(277);
  });

  it.each(cases.map((c, i) => [i, c.section, JSON.stringify(c.rule), c] as const))(
    '#%i %s: %s',
    (_i, _section, _text, c) => {
      expect(compileLogic(c.rule)(c.data)).toEqual(c.expected);
    },
  );
});
