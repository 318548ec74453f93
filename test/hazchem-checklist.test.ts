import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseAnswers, CasesFileSchema, evaluate, parseRuleset, runCases } from '../packages/core/src/index.js';
import { ROOT } from './paths.js';

const file = join(ROOT, 'rulesets/hazchem-checklist/1.0.0.json');
const parsed = parseRuleset(readFileSync(file, 'utf8'));
if (!parsed.success) throw new Error(`hazchem-checklist does not parse: ${JSON.stringify(parsed.issues)}`);
const ruleset = parsed.ruleset;
const cases = CasesFileSchema.parse(
  JSON.parse(readFileSync(join(ROOT, 'rulesets/hazchem-checklist/1.0.0.cases.json'), 'utf8')),
);

/** The nine areas of 应急〔2019〕78号, in its order. */
const AREAS = [
  '安全基础管理',
  '设计与总图',
  '试生产管理',
  '装置运行',
  '设备安全',
  '仪表安全',
  '电气安全',
  '应急与消防',
  '重点危险化学品特殊管控',
];

/** The area (1…9) a section belongs to, through its parents; 0 for the profile. */
function areaOf(sectionId: string): number {
  const byId = new Map(ruleset.sections.map((s) => [s.id, s]));
  let s = byId.get(sectionId);
  while (s?.parent) s = byId.get(s.parent);
  const m = s ? /^area-([1-9])$/.exec(s.id) : null;
  return m ? Number(m[1]) : 0;
}

/** A case's answers and date, as the case runner resolves them. */
function resolveCase(id: string): { answers: Record<string, unknown>; date?: string } {
  const resolved = caseAnswers(ruleset, cases, id);
  if (!resolved) throw new Error(`no case ${id}`);
  return resolved;
}

describe('hazchem-checklist 1.0.0 (应急〔2019〕78号)', () => {
  it('has exactly 418 items', () => {
    expect(ruleset.items).toHaveLength(418);
  });

  it('has the nine areas of the guideline, in its order, after the enterprise profile', () => {
    const top = ruleset.sections.filter((s) => !s.parent);
    expect(top.map((s) => s.id)).toEqual(['profile', ...AREAS.map((_, i) => `area-${i + 1}`)]);
    expect(top.slice(1).map((s) => s.title['zh-CN'])).toEqual(AREAS);
    // every sub-section follows its area, before the next area
    let current = 0;
    for (const s of ruleset.sections) {
      const a = areaOf(s.id);
      expect(a, s.id).toBeGreaterThanOrEqual(current);
      current = a;
    }
  });

  it('puts every item in an area (or one of its sub-sections), the area its id names, in area order', () => {
    let previous = 0;
    for (const item of ruleset.items) {
      const a = areaOf(item.section);
      expect(a, item.id).toBeGreaterThan(0);
      expect(item.id.split('.')[1], item.id).toBe(String(a));
      expect(a, item.id).toBeGreaterThanOrEqual(previous);
      previous = a;
    }
  });

  it('has unique, stable ids numbered within their area', () => {
    const ids = ruleset.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^hazchem-78\.[1-9]\.\d{3}$/);
    for (let a = 1; a <= 9; a++) {
      const numbers = ids.filter((id) => id.startsWith(`hazchem-78.${a}.`)).map((id) => Number(id.slice(-3)));
      expect(numbers, `area ${a}`).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('lists the 20 criteria of 安监总管三〔2017〕121号 and covers each with major items', () => {
    expect(ruleset.criteria?.map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => `121-${i + 1}`));
    const covered = new Set(ruleset.items.filter((i) => i.severity === 'major').map((i) => i.majorHazard));
    for (const c of ruleset.criteria ?? []) expect(covered.has(c.id), c.id).toBe(true);
  });

  it('marks an item major exactly when it names a criterion, and names only known criteria', () => {
    const known = new Set(ruleset.criteria?.map((c) => c.id));
    for (const item of ruleset.items) {
      expect(item.severity === 'major', item.id).toBe(item.majorHazard !== undefined);
      if (item.majorHazard !== undefined) expect(known.has(item.majorHazard), item.id).toBe(true);
    }
  });

  it('gives every item a basis and both languages in its title and guidance', () => {
    for (const item of ruleset.items) {
      expect(item.basis.length, item.id).toBeGreaterThan(0);
      for (const b of item.basis) {
        expect(b.document['zh-CN'].trim(), item.id).not.toBe('');
        expect(b.document.en.trim(), item.id).not.toBe('');
      }
      for (const text of [item.title, item.guidance]) {
        expect(text['zh-CN'].trim(), item.id).not.toBe('');
        expect(text.en.trim(), item.id).not.toBe('');
        expect(text['zh-CN'], item.id).toMatch(/\p{Script=Han}/u);
        expect(text.en, item.id).toMatch(/[A-Za-z]{3}/);
      }
    }
  });

  it('marks every item unverified: the annex text was not available', () => {
    for (const item of ruleset.items) expect(item.provenance, item.id).toBe('unverified');
  });

  it('computes at least 30 items from the numbers the inspector enters', () => {
    const computed = ruleset.items.filter((i) => i.check !== undefined);
    expect(computed.length).toBeGreaterThanOrEqual(30);
    for (const item of ruleset.items) expect(item.judgment === true, item.id).toBe(item.check === undefined);
  });

  it('never repeats an item title, in either language', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const seen = new Map<string, string>();
      for (const item of ruleset.items) {
        const other = seen.get(item.title[lang]);
        expect(other, `${item.id} repeats ${other} (${lang})`).toBeUndefined();
        seen.set(item.title[lang], item.id);
      }
    }
  });

  it('passes every worked case, at least 25, including one per criterion', () => {
    expect(cases.cases.length).toBeGreaterThanOrEqual(25);
    const failures = runCases(ruleset, cases)
      .filter((r) => !r.ok)
      .map((r) => `${r.id}: ${r.failures.map((f) => f.en).join('; ')}`);
    expect(failures).toEqual([]);
    const single = new Set(
      cases.cases.filter((c) => c.expect.majorHazards?.length === 1).map((c) => c.expect.majorHazards![0]),
    );
    for (let n = 1; n <= 20; n++) expect(single.has(`121-${n}`), `121-${n}`).toBe(true);
  });

  it('the baseline case passes with no issues', () => {
    const { answers, date } = resolveCase('baseline-compliant');
    const report = evaluate(ruleset, answers, date === undefined ? {} : { date });
    expect(report.outcome).toBe('pass');
    expect(report.issues).toEqual([]);
    expect(report.majorHazards).toEqual([]);
  });

  it('fails chlorine detectors set at 1 ppm and says it is about 2.95 mg/m³', () => {
    const { answers, date } = resolveCase('keychem-chlorine-detectors-1ppm');
    expect(answers['keychem.cl2.alarm1']).toBe(1);
    expect(answers['keychem.cl2.alarm_unit']).toBe('ppm');
    const report = evaluate(ruleset, answers, date === undefined ? {} : { date });
    const item = report.items.find((i) => i.id === 'hazchem-78.9.025');
    expect(item?.status).toBe('fail');
    expect(item?.explanation?.text['zh-CN']).toContain('2.95 mg/m³');
    expect(item?.explanation?.text.en).toContain('2.95 mg/m³');
  });
});
