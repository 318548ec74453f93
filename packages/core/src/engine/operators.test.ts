import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../test/paths.js';
import { binaryOperator, eagerOperator, operatorInfo, operatorNames } from './operators.js';

describe('operators', () => {
  const guide = readFileSync(join(ROOT, 'docs/guides/logic.md'), 'utf8');

  it.each(operatorNames())('%s is documented in docs/guides/logic.md and in both languages', (name) => {
    expect(guide).toContain(`\`${name}\``);
    const info = operatorInfo(name)!;
    expect(info.doc['zh-CN']).not.toBe('');
    expect(info.doc.en).not.toBe('');
  });

  it('namespaces every operator of its own', () => {
    for (const name of operatorNames()) {
      if (operatorInfo(name)!.family === 'safecheck') expect(name).toMatch(/^[a-z]+\.[a-z_0-9]+$/);
    }
  });

  it('gives the same result on two arguments with or without an arguments array', () => {
    const values: unknown[] = [
      null,
      0,
      -0,
      1,
      2.5,
      '12',
      'x',
      '',
      true,
      [],
      ['a'],
      ['a', 'b'],
      [1, '1'],
      '2026-03-13',
      '2024-02-29',
      '2026-02-30',
      '2.1',
      '2',
      12,
      -1,
    ];
    let checked = 0;
    for (const name of operatorNames()) {
      const fn2 = binaryOperator(name);
      if (!fn2) continue;
      const fn = eagerOperator(name)!;
      for (const a of values)
        for (const b of values) {
          const x = fn2(a, b);
          const y = fn([a, b]);
          if (Array.isArray(x)) expect(x, JSON.stringify([name, a, b])).toEqual(y);
          else expect(Object.is(x, y), JSON.stringify([name, a, b, x, y])).toBe(true);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(6000);
  });
});
