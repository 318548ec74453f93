import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../test/paths.js';
import { operatorInfo, operatorNames } from './operators.js';

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
});
