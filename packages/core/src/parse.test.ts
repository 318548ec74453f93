import { describe, expect, it } from 'vitest';
import { basis, item, ruleset, rulesetJson, t } from '../../../test/fixtures.js';
import { composeRuleset } from './compose/compose.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRecord } from './cli/batch.js';
import { checkCases } from './cli/commands/validate.js';
import { loadRuleset, readText } from './cli/files.js';
import { lintRuleset } from './cli/lint.js';
import { compileLogic } from './engine/compile.js';
import { evaluate } from './engine/evaluate.js';
import { createSession } from './engine/session.js';
import { ISSUE_CODES, SafecheckError, type Issue, type IssueCode } from './issues.js';
import { parseRuleset } from './parse.js';
import { findingsFromReport } from './findings/create.js';
import {
  assignFinding,
  closeFinding,
  rectifyFinding,
  verifyFinding,
  type FindingTransition,
} from './findings/transitions.js';
import type { Finding } from './findings/types.js';
import { diffRulesets } from './versions/diff.js';
import { pickVersion } from './versions/pick.js';

const issuesOf = (json: unknown): Issue[] => {
  const r = parseRuleset(json);
  return r.success ? [...r.warnings] : [...r.issues];
};

const scoring = (patch: Record<string, unknown> = {}) => ({
  start: 100,
  projects: [
    { id: 'p', title: t('项目'), cap: 10, rules: [{ id: 'p.r', title: t('扣分'), effect: 'deduct', points: 1 }] },
  ],
  bands: [
    { id: 'good', label: t('好'), color: '#00aa00', min: 90 },
    { id: 'bad', label: t('差'), color: '#aa0000', min: 0 },
  ],
  ...patch,
});

const fromEvaluation = (answers: unknown, date?: string): Issue[] => {
  const r = parseRuleset(rulesetJson());
  if (!r.success) throw new Error('fixture');
  return [...evaluate(r.ruleset, answers, date ? { date } : {}).issues];
};

const composed = (child: Record<string, unknown>, base: unknown = rulesetJson()): Issue[] => {
  const r = composeRuleset(child, {
    resolve: (id, version) => (id === 'test' && version === '1.0.0' ? base : undefined),
  });
  return r.success ? [...r.warnings] : [...r.issues];
};
const county = (patch: Record<string, unknown> = {}) =>
  rulesetJson({ id: 'county', extends: { ruleset: 'test', version: '1.0.0' }, ...patch });

const linted = (patch: Record<string, unknown> = {}): Issue[] => [...lintRuleset(ruleset(patch)).issues];
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

/** The finding of item i1 failing (a = 11) on 2026-03-01, of a general or a major item. */
const finding = (severity: 'general' | 'major' = 'general'): Finding => {
  const rs = ruleset({ items: [item('i1', { severity, check: { '<=': [{ var: 'a' }, 10] } })] });
  const made = findingsFromReport(evaluate(rs, { a: 11 }, { date: '2026-03-01' }), {
    enterprise: { id: 'e1', name: '某公司' },
    inspector: '王五',
  });
  if (!made.ok || !made.findings[0]) throw new Error('fixture');
  return made.findings[0];
};
const refused = (r: FindingTransition): Issue[] => (r.ok ? [] : [...r.issues]);
const then = (r: FindingTransition): Finding => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.finding;
};
/** A major finding assigned to 车队 with 王五 to verify, rectified by 赵六. */
const rectifiedMajor = (): Finding =>
  then(
    rectifyFinding(
      then(
        assignFinding(finding('major'), {
          by: '李',
          at: '2026-03-02',
          assignee: '车队',
          due: '2026-03-20',
          verifier: '王五',
        }),
      ),
      { by: '赵六', at: '2026-03-05', action: '已更换' },
    ),
  );

/** For every issue code, an input that produces it. */
const TRIGGERS: Record<IssueCode, () => Issue[]> = {
  invalid_json: () => issuesOf('{"id": '),
  invalid_type: () => issuesOf(rulesetJson({ version: 1 })),
  missing_property: () => {
    const json = rulesetJson();
    delete json.title;
    return issuesOf(json);
  },
  unknown_property: () => issuesOf(rulesetJson({ titel: t('拼写') })),
  invalid_value: () => issuesOf(rulesetJson({ items: [item('i1', { severity: 'critical', check: true })] })),
  invalid_format: () => issuesOf(rulesetJson({ validFrom: '2020-13-01' })),
  too_small: () => issuesOf(rulesetJson({ items: [] })),
  too_big: () => issuesOf(rulesetJson({ items: [item('x'.repeat(101), { check: true })] })),
  unsupported_dialect: () => issuesOf(rulesetJson({ dialect: 2 })),
  invalid_date_range: () => issuesOf(rulesetJson({ validFrom: '2026-01-01', validTo: '2025-12-31' })),
  duplicate_section_id: () =>
    issuesOf(
      rulesetJson({
        sections: [
          { id: 's', title: t('一') },
          { id: 's', title: t('二') },
        ],
      }),
    ),
  duplicate_field_id: () =>
    issuesOf(
      rulesetJson({
        fields: [
          { id: 'a', section: 's', type: 'boolean', label: t('甲') },
          { id: 'a', section: 's', type: 'boolean', label: t('乙') },
        ],
        items: [item('i1', { check: { var: 'a' } })],
      }),
    ),
  duplicate_item_id: () => issuesOf(rulesetJson({ items: [item('i1', { check: true }), item('i1', { check: true })] })),
  duplicate_scoring_id: () =>
    issuesOf(rulesetJson({ scoring: scoring({ bands: [{ id: 'p', label: t('一'), color: '#000000', min: 0 }] }) })),
  field_id_conflict: () =>
    issuesOf(
      rulesetJson({
        fields: [
          { id: 'doc', section: 's', type: 'text', label: t('证件') },
          { id: 'doc.number', section: 's', type: 'text', label: t('证号') },
        ],
        items: [item('i1', { check: { var: 'doc' } })],
      }),
    ),
  unknown_section: () => issuesOf(rulesetJson({ items: [item('i1', { section: 'nowhere', check: true })] })),
  unknown_variable: () => issuesOf(rulesetJson({ items: [item('i1', { check: { var: 'vehicle.plat' } })] })),
  unknown_field: () => issuesOf(rulesetJson({ record: { fields: ['nope'] } })),
  unknown_item: () =>
    issuesOf(
      rulesetJson({
        scoring: scoring({
          projects: [
            {
              id: 'p',
              title: t('项目'),
              cap: 5,
              rules: [{ id: 'p.r', title: t('扣'), effect: 'deduct', points: 1, items: ['i9'] }],
            },
          ],
        }),
      }),
    ),
  unknown_criterion: () => issuesOf(rulesetJson({ items: [item('i1', { check: true, majorHazard: '121-99' })] })),
  unknown_band: () =>
    issuesOf(
      rulesetJson({ scoring: scoring({ overrides: [{ id: 'o', title: t('否决'), band: 'purple', when: true }] }) }),
    ),
  missing_check: () => issuesOf(rulesetJson({ items: [item('i1')] })),
  bands_not_descending: () =>
    issuesOf(
      rulesetJson({
        scoring: scoring({
          bands: [
            { id: 'low', label: t('低'), color: '#000000', min: 0 },
            { id: 'high', label: t('高'), color: '#ffffff', min: 90 },
          ],
        }),
      }),
    ),
  invalid_option: () =>
    issuesOf(
      rulesetJson({
        fields: [
          {
            id: 'a',
            section: 's',
            type: 'choice',
            label: t('级别'),
            options: [
              { value: 'x', label: t('一') },
              { value: 'x', label: t('二') },
            ],
          },
        ],
        items: [item('i1', { check: { var: 'a' } })],
      }),
    ),
  unknown_operator: () => issuesOf(rulesetJson({ items: [item('i1', { check: { constructor: [1] } })] })),
  invalid_arguments: () => issuesOf(rulesetJson({ items: [item('i1', { check: { '!': [1, 2] } })] })),
  logic_too_deep: () => {
    let rule: unknown = true;
    for (let i = 0; i < 200; i++) rule = { '!': [rule] };
    return issuesOf(rulesetJson({ items: [item('i1', { check: rule })] }));
  },
  logic_too_large: () =>
    issuesOf(rulesetJson({ items: [item('i1', { check: { and: Array.from({ length: 25_000 }, () => true) } })] })),
  unknown_answer: () => fromEvaluation({ a: 1, colour: 'red' }),
  invalid_answer: () => fromEvaluation({ a: 'five' }),
  answer_out_of_range: () => {
    const r = parseRuleset(
      rulesetJson({ fields: [{ id: 'a', section: 's', type: 'number', min: 0, label: t('距离') }] }),
    );
    if (!r.success) throw new Error('fixture');
    return [...evaluate(r.ruleset, { a: -1 }).issues];
  },
  unknown_unit: () => {
    const r = parseRuleset(
      rulesetJson({ fields: [{ id: 'a', section: 's', type: 'number', unit: 't', label: t('质量') }] }),
    );
    if (!r.success) throw new Error('fixture');
    return [...evaluate(r.ruleset, { a: { value: 3, unit: 'm' } }).issues];
  },
  invalid_evaluation_date: () => fromEvaluation({ a: 1 }, '2026-02-30'),
  not_composed: () => issuesOf(county()),
  unknown_base: () => composed(county({ extends: { ruleset: 'nowhere', version: '1.0.0' } })),
  invalid_base: () => composed(county(), rulesetJson({ dialect: 0 })),
  extends_cycle: () => composed(county(), county({ id: 'test', extends: { ruleset: 'county', version: '1.0.0' } })),
  compose_conflict: () => composed(county({ items: [item('i1', { check: true })] })),
  removed_item_referenced: () =>
    composed(
      county({
        items: [item('local', { check: true })],
        extends: { ruleset: 'test', version: '1.0.0', remove: [{ item: 'i1', reason: t('不适用') }] },
      }),
      rulesetJson({
        scoring: scoring({
          projects: [
            {
              id: 'p',
              title: t('项目'),
              cap: 5,
              rules: [{ id: 'p.r', title: t('扣'), effect: 'deduct', points: 1, items: ['i1'] }],
            },
          ],
        }),
      }),
    ),
  insufficient_version_bump: () => [
    ...diffRulesets(
      ruleset(),
      ruleset({ version: '1.0.1', items: [item('i1', { check: { '<': [{ var: 'a' }, 10] } })] }),
    ).issues,
  ],
  ruleset_id_mismatch: () => [...diffRulesets(ruleset(), ruleset({ id: 'other', version: '2.0.0' })).issues],
  no_version_valid: () => {
    const r = pickVersion([ruleset({ validFrom: '2026-01-01' })], '2025-06-30');
    return r.success ? [] : [...r.issues];
  },
  item_never_applies: () =>
    linted({ items: [item('i1', { appliesWhen: { and: [{ var: 'flag' }, { '!': { var: 'flag' } }] }, check: true })] }),
  check_always_passes: () => linted({ items: [item('i1', { check: { '>=': [{ var: 'a' }, { var: 'a' }] } })] }),
  check_always_fails: () => linted({ items: [item('i1', { check: { '===': [{ var: 'flag' }, 'yes'] } })] }),
  unused_field: () => linted(),
  untranslated_text: () => linted({ title: t('测试', '测试') }),
  basis_without_clause: () => linted(),
  unreadable_file: () => {
    const r = readText({ ...io, cwd: tmpdir() }, 'no-such-ruleset.json');
    return 'issue' in r ? [r.issue.issue] : [];
  },
  file_name_mismatch: () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'safecheck-')), 'test');
    mkdirSync(dir);
    writeFileSync(join(dir, '1.0.1.json'), JSON.stringify(rulesetJson()));
    return loadRuleset({ ...io, cwd: dir }, '1.0.1.json').issues.map((i) => i.issue);
  },
  case_failed: () =>
    checkCases(ruleset(), {
      ruleset: 'test',
      version: '1.0.0',
      cases: [{ id: 'c1', title: t('超量'), answers: { a: 11 }, expect: { outcome: 'pass' } }],
    }).issues,
  invalid_record: () => {
    const r = parseRecord('[1, 2]');
    return 'issues' in r ? r.issues : [];
  },
  logic_error: () => {
    const r = parseRuleset(rulesetJson({ items: [item('i1', { check: { throw: 'broken' } })] }));
    if (!r.success) throw new Error('fixture');
    return [...evaluate(r.ruleset, {}).issues];
  },
  finding_wrong_state: () => refused(rectifyFinding(finding(), { by: '赵六', at: '2026-03-02', action: '已整改' })),
  close_unverified: () => refused(closeFinding(finding(), { by: '李', at: '2026-03-02' })),
  self_verification: () =>
    refused(assignFinding(finding(), { by: '李', at: '2026-03-02', assignee: '王五', verifier: '王五' })),
  wrong_verifier: () =>
    refused(verifyFinding(rectifiedMajor(), { by: '钱七', at: '2026-03-06', ruleset: ruleset(), answers: { a: 5 } })),
  verifier_required: () =>
    refused(assignFinding(finding('major'), { by: '李', at: '2026-03-02', assignee: '车队', due: '2026-03-20' })),
  due_date_required: () =>
    refused(assignFinding(finding('major'), { by: '李', at: '2026-03-02', assignee: '车队', verifier: '王五' })),
  date_before_finding: () => refused(assignFinding(finding(), { by: '李', at: '2026-02-28', assignee: '车队' })),
  date_out_of_order: () =>
    refused(
      rectifyFinding(then(assignFinding(finding(), { by: '李', at: '2026-03-10', assignee: '车队' })), {
        by: '赵六',
        at: '2026-03-05',
        action: '已整改',
      }),
    ),
  verification_incomplete: () =>
    refused(verifyFinding(rectifiedMajor(), { by: '王五', at: '2026-03-06', ruleset: ruleset(), answers: {} })),
};

describe('issue codes', () => {
  it('has a trigger for every code', () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual([...ISSUE_CODES].sort());
  });

  it.each([...ISSUE_CODES])('%s is reported with a path and both languages', (code) => {
    const found = TRIGGERS[code]().filter((i) => i.code === code);
    expect(found.length).toBeGreaterThan(0);
    for (const i of found) {
      expect(Array.isArray(i.path)).toBe(true);
      expect(i.message['zh-CN'].length).toBeGreaterThan(0);
      expect(i.message.en.length).toBeGreaterThan(0);
      expect(i.message['zh-CN']).not.toBe(i.message.en);
    }
  });
});

describe('parseRuleset', () => {
  it('accepts a valid ruleset, from text or from a value', () => {
    const json = rulesetJson();
    const fromValue = parseRuleset(json);
    const fromText = parseRuleset(JSON.stringify(json));
    expect(fromValue.success && fromText.success).toBe(true);
  });

  it('says a repeated id once, where it repeats: a field twice, an item twice, an item named as a field', () => {
    const issues = issuesOf(
      rulesetJson({
        fields: [
          { id: 'a', section: 's', type: 'boolean', label: t('甲') },
          { id: 'a', section: 's', type: 'boolean', label: t('乙') },
        ],
        items: [item('i1', { check: { var: 'a' } }), item('i1', { check: true }), item('a', { check: true })],
      }),
    ).map((i) => [i.code, i.path]);
    expect(issues).toEqual([
      ['duplicate_field_id', ['fields', 1, 'id']],
      ['duplicate_item_id', ['items', 1, 'id']],
      ['duplicate_item_id', ['items', 2, 'id']],
    ]);
  });

  it('points into the file: the path of an unknown operator names the item and the operator', () => {
    const issues = issuesOf(
      rulesetJson({ items: [item('i1', { check: true }), item('i2', { check: { and: [true, { regex: ['a'] }] } })] }),
    );
    expect(issues.find((i) => i.code === 'unknown_operator')?.path).toEqual(['items', 1, 'check', 'and', 1, 'regex']);
  });

  it('reports an unknown variable with the path of the rule that reads it', () => {
    const issues = issuesOf(rulesetJson({ items: [item('i1', { check: { '>': [{ var: 'ammount' }, 1] } })] }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'unknown_variable', path: ['items', 0, 'check'] }));
  });

  it('accepts reads of fields, of groups of fields, into a value, and of $date', () => {
    const r = parseRuleset(
      rulesetJson({
        items: [
          item('i1', {
            check: {
              and: [{ var: 'doc.valid_to' }, { var: 'doc' }, { var: 'doc.valid_to.length' }, { var: '$date' }],
            },
          }),
        ],
      }),
    );
    expect(r.success).toBe(true);
  });

  it('keeps warnings when the ruleset is usable', () => {
    const r = parseRuleset(rulesetJson({ items: [item('i1', { check: { '!': [true, false] } })] }));
    expect(r.success).toBe(true);
    expect(r.success && r.warnings.map((w) => w.code)).toEqual(['invalid_arguments']);
  });

  it('reports every unknown key of an item, not only the first', () => {
    const issues = issuesOf(rulesetJson({ items: [item('i1', { check: true, titel: t('x'), sevrity: 'major' })] }));
    expect(issues.filter((i) => i.code === 'unknown_property').map((i) => i.path)).toEqual([
      ['items', 0, 'titel'],
      ['items', 0, 'sevrity'],
    ]);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, 'null', '[]', [], {}, { items: 'x' }, '\u0000']) {
      expect(() => parseRuleset(input)).not.toThrow();
      expect(parseRuleset(input).success).toBe(false);
    }
  });

  it('refuses a ruleset whose judgment item also has a check', () => {
    const issues = issuesOf(rulesetJson({ items: [item('i1', { judgment: true, check: true })] }));
    expect(issues.map((i) => i.code)).toContain('invalid_value');
  });

  it('makes compileLogic throw the one error class, carrying the issues; a session reports them instead', () => {
    try {
      compileLogic({ nope: [] });
    } catch (error) {
      expect(error).toBeInstanceOf(SafecheckError);
      expect((error as SafecheckError).issues[0]?.code).toBe('unknown_operator');
    }
    expect.assertions(4);
    const session = createSession(rulesetJson({ dialect: 9 }) as never);
    expect(session.report().issues.map((i) => i.code)).toEqual(['unsupported_dialect']);
    expect(session.outcome).toBe('incomplete');
  });

  it('evaluating an invalid ruleset gives a report of its issues, not a crash', () => {
    const report = evaluate(rulesetJson({ validTo: '1999-01-01' }) as never, {});
    expect(report.outcome).toBe('incomplete');
    expect(report.items).toEqual([]);
    expect(report.issues.map((i) => i.code)).toContain('invalid_date_range');
  });

  it('uses the basis fixture', () => {
    expect(basis[0]?.status).toBe('unverified');
  });
});

describe('bounds', () => {
  it('says an exclusive bound as one (a dialect is greater than 0, not at least 0), and one entry as one', () => {
    const [dialect] = issuesOf(rulesetJson({ dialect: 0 }));
    expect(dialect).toMatchObject({ code: 'too_small', path: ['dialect'] });
    expect(dialect!.message).toEqual({ 'zh-CN': '必须大于 0', en: 'must be greater than 0' });
    const [items] = issuesOf(rulesetJson({ items: [] }));
    expect(items!.message).toEqual({ 'zh-CN': '至少需要 1 项', en: 'needs at least 1 entry' });
  });
});

describe('localized texts', () => {
  it('reports a missing language, an empty text and an unknown key with their paths', () => {
    const issues = issuesOf(
      rulesetJson({
        title: { 'zh-CN': '测试' },
        items: [item('i1', { check: true, guidance: { 'zh-CN': '', en: 'rectify', fr: 'corriger' } })],
      }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['missing_property', ['title', 'en']],
      ['too_small', ['items', 0, 'guidance', 'zh-CN']],
      ['unknown_property', ['items', 0, 'guidance', 'fr']],
    ]);
  });

  it('refuses a text that is not an object', () => {
    expect(issuesOf(rulesetJson({ title: '测试' })).map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', ['title']],
    ]);
  });
});

describe('pattern problems, said in both languages', () => {
  it('names what an id and an explanation value name must look like', () => {
    const json = rulesetJson({
      items: [
        item('Bad Id', {
          check: { var: 'a' },
          explain: [{ text: t('值 {1x}', 'value {1x}'), values: { '1x': { var: 'a' } } }],
        }),
      ],
    });
    const issues = issuesOf(json).filter((i) => i.code === 'invalid_format');
    expect(issues.map((i) => i.path)).toEqual([
      ['items', 0, 'id'],
      ['items', 0, 'explain', 0, 'values', '1x'],
    ]);
    expect(issues[0]!.message['zh-CN']).toContain('小写字母和数字');
    expect(issues[0]!.message.en).toContain('lowercase letters and digits');
    expect(issues[1]!.message['zh-CN']).toContain('名称“1x”');
    expect(issues[1]!.message.en).toContain('the name "1x"');
    expect(issues.map((i) => i.message.en).join()).not.toContain('Invalid input');
  });

  it('refuses a value named __proto__, which an object would drop unreported', () => {
    // JSON.parse keeps "__proto__" as a plain key, as an expert's file has it.
    const values = JSON.parse('{"__proto__": {"var": "a"}, "constructor": {"var": "a"}}') as object;
    const json = rulesetJson({
      items: [item('named', { check: { var: 'a' }, explain: [{ text: t('{__proto__}'), values }] })],
    });
    const issues = issuesOf(json);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_format', ['items', 0, 'explain', 0, 'values', '__proto__']],
    ]);
    expect(issues[0]!.message['zh-CN']).toContain('除 __proto__ 以外的名称');
    expect(issues[0]!.message.en).toContain('a name other than __proto__');
    // constructor is a name like any other.
    const fine = JSON.parse('{"constructor": {"var": "a"}}') as object;
    expect(
      issuesOf(
        rulesetJson({
          items: [item('named', { check: { var: 'a' }, explain: [{ text: t('{constructor}'), values: fine }] })],
        }),
      ),
    ).toEqual([]);
  });
});
