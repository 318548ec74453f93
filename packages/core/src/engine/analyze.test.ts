import { describe, expect, it } from 'vitest';
import { analyzeLogic, analyzerOfMany, readsOf } from './analyze.js';

describe('analyzerOfMany', () => {
  it('gives a repeated rule the analysis of its first copy', () => {
    const analyze = analyzerOfMany();
    const rule = { and: [{ var: 'a' }, { in: ['x', { var: 'b.c' }] }] };
    const first = analyze(rule, ['items', 0, 'check']);
    const copy = structuredClone(rule);
    const again = analyze(copy, ['items', 1, 'check']);
    expect(again).toEqual(first);
    expect(again).toEqual(analyzeLogic(copy, ['items', 1, 'check']));
    expect(readsOf(copy).vars).toEqual(['a', 'b.c']);
  });

  it('still says where each copy of a faulty rule is', () => {
    const analyze = analyzerOfMany();
    const rule = { bogus: [{ var: 'a' }] };
    const paths = [0, 1].map((i) => analyze(structuredClone(rule), ['items', i, 'check']).issues.map((x) => x.path));
    expect(paths).toEqual([[['items', 0, 'check', 'bogus']], [['items', 1, 'check', 'bogus']]]);
  });

  it('takes a rule that is no JSON (a cycle) without crashing', () => {
    const rule: Record<string, unknown[]> = { and: [] };
    rule.and!.push(rule);
    const { issues } = analyzerOfMany()(rule, []);
    expect(issues.map((i) => i.code)).toContain('logic_too_deep');
  });
});
