import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { item, rulesetJson, t } from '../../../../test/fixtures.js';
import { ROOT } from '../../../../test/paths.js';
import { caseAnswers } from '../cases.js';
import { EXIT, main } from './main.js';

class Sink extends Writable {
  text = '';
  constructor(readonly isTTY = false) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the command with captured streams. */
async function run(argv: string[], options: { stdin?: string; cwd?: string; tty?: boolean } = {}) {
  const stdout = new Sink();
  const stderr = new Sink(options.tty);
  const code = await main(argv, {
    stdin: Readable.from([options.stdin ?? '']),
    stdout,
    stderr,
    cwd: options.cwd ?? ROOT,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A temporary `rulesets/` tree: `{"test/1.0.0.json": {...}}`. */
function tree(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'safecheck-cli-'));
  for (const [name, value] of Object.entries(files)) {
    const file = join(root, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
  }
  return root;
}

const LFC = 'rulesets/loading-five-checks/1.0.0.json';
const baseline = () => {
  const cases = JSON.parse(readFileSync(join(ROOT, 'rulesets/loading-five-checks/1.0.0.cases.json'), 'utf8'));
  return cases.cases[0] as { date: string; answers: Record<string, unknown> };
};

/** Scoring with one deduction (item i1) and two bands: `low` (the first one's id, 90 and up) and high. */
const twoBands = (low: string) => ({
  start: 100,
  projects: [
    {
      id: 'p',
      title: t('项目'),
      cap: null,
      rules: [{ id: 'p.r', title: t('扣'), effect: 'deduct', points: 20, items: ['i1'] }],
    },
  ],
  bands: [
    { id: low, label: t('低'), color: '#0000ff', min: 90 },
    { id: 'high', label: t('高'), color: '#ff0000', min: 0 },
  ],
});
describe('safecheck validate', () => {
  it('passes the shipped rulesets and runs their worked cases', async () => {
    const r = await run([
      'validate',
      LFC,
      'rulesets/loading-five-checks/1.0.0.cases.json',
      'rulesets/risk-grading/1.0.0.json',
    ]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain(
      'rulesets/loading-five-checks/1.0.0.json  通过（7 个检查项，33 个字段；案例 70/70 通过）',
    );
    expect(r.stdout).toContain('2 个文件：0 个错误，0 个警告');
    expect(r.stderr).toBe('');
  });

  it('gives every issue with file, line, column, code, JSON path and message, and fails', async () => {
    const dir = tree({
      'test/1.0.0.json': rulesetJson({
        items: [item('i1', { check: true }), item('i2', { check: { and: [true, { regex: ['a'] }] } })],
      }),
    });
    const r = await run(['validate', '--locale', 'en', 'test/1.0.0.json'], { cwd: dir });
    expect(r.code).toBe(EXIT.findings);
    const text = readFileSync(join(dir, 'test/1.0.0.json'), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('"regex"')) + 1;
    expect(r.stdout).toContain(
      `test/1.0.0.json:${line}:${text[line - 1]!.indexOf('"regex"') + 1}  error  unknown_operator  items[1].check.and[1].regex  unknown operator "regex"`,
    );
    expect(r.stdout).toContain('1 file: 1 error, 0 warnings');
  });

  it('reports JSON errors, missing files and failing cases as issues', async () => {
    const dir = tree({
      'test/1.0.0.json': rulesetJson(),
      'test/1.0.0.cases.json': {
        ruleset: 'test',
        version: '1.0.0',
        cases: [{ id: 'over', title: t('超量'), answers: { a: 11 }, expect: { outcome: 'pass' } }],
      },
      'broken/1.0.0.json': '{\n  "id": "broken",\n  "version": 1.0.0\n}\n',
    });
    const r = await run(['validate', '--json', 'test/1.0.0.json', 'broken/1.0.0.json', 'nowhere.json'], { cwd: dir });
    expect(r.code).toBe(EXIT.findings);
    const out = JSON.parse(r.stdout);
    expect(
      out.issues.map((i: { file: string; code: string; line?: number }) => [i.file, i.code, i.line ?? null]),
    ).toEqual([
      ['test/1.0.0.cases.json', 'case_failed', 5],
      ['broken/1.0.0.json', 'invalid_json', 3],
      ['nowhere.json', 'unreadable_file', null],
    ]);
    expect(out.issues[0].message.en).toContain('outcome is fail, expected pass');
    expect(out.files.map((f: { ok: boolean }) => f.ok)).toEqual([false, false, false]);
  });

  it('says what is wrong with a cases file in both languages, and keeps a case\'s "__proto__" answer', async () => {
    const bad = {
      ruleset: 'test',
      version: '1.0.0',
      cases: [{ id: 'c', title: t('例'), answers: {}, expect: { outcome: 'maybe', score: '9' } }],
    };
    const dir = tree({ 'test/1.0.0.json': rulesetJson(), 'test/1.0.0.cases.json': bad });
    const r = await run(['validate', '--json', 'test/1.0.0.json'], { cwd: dir });
    const [found, score] = JSON.parse(r.stdout).issues;
    expect([found.code, found.pathText]).toEqual(['invalid_value', 'cases[0].expect.outcome']);
    // A value of the wrong type is said as such, not as a missing one.
    expect([score.code, score.pathText, score.message.en]).toEqual([
      'invalid_type',
      'cases[0].expect.score',
      'expected a number',
    ]);
    expect(found.message).toEqual({
      'zh-CN': '取值应为："pass", "fail", "incomplete"',
      en: 'must be one of: "pass", "fail", "incomplete"',
    });
    // JSON.parse keeps "__proto__" as a plain key; the case's answers reach evaluate as written.
    const proto = tree({
      'test/1.0.0.json': rulesetJson(),
      'test/1.0.0.cases.json':
        '{"ruleset": "test", "version": "1.0.0", "cases": [{"id": "c", "title": {"zh-CN": "例", "en": "case"}, ' +
        '"answers": {"a": 1, "__proto__": {"a": 99}}, "expect": {"outcome": "pass", "issues": ["unknown_answer"]}}]}',
    });
    const p = await run(['validate', 'test/1.0.0.json'], { cwd: proto });
    expect([p.code, p.stdout]).toEqual([EXIT.ok, expect.stringContaining('案例 1/1 通过')]);
    const expected = tree({
      'test/1.0.0.json': rulesetJson(),
      'test/1.0.0.cases.json':
        '{"ruleset": "test", "version": "1.0.0", "cases": [{"id": "c", "title": {"zh-CN": "例", "en": "case"}, ' +
        '"answers": {"a": 1}, "expect": {"items": {"__proto__": "fail"}}}]}',
    });
    const e = await run(['validate', '--json', 'test/1.0.0.json'], { cwd: expected });
    expect(JSON.parse(e.stdout).issues.map((i: { code: string; path: unknown[] }) => [i.code, i.path])).toEqual([
      ['invalid_format', ['cases', 0, 'expect', 'items', '__proto__']],
    ]);
  });

  it('composes a file that extends another before checking it', async () => {
    const dir = tree({
      'base/1.0.0.json': rulesetJson({ id: 'base' }),
      'county/1.0.0.json': rulesetJson({
        id: 'county',
        sections: [{ id: 'local', title: t('本县', 'County') }],
        fields: [],
        items: [item('c1', { section: 'local', check: { var: 'nope' } })],
        extends: { ruleset: 'base', version: '1.0.0' },
      }),
    });
    const r = await run(['validate', 'county/1.0.0.json'], { cwd: dir });
    expect(r.code).toBe(EXIT.findings);
    expect(r.stdout).toMatch(/county\/1\.0\.0\.json:\d+:\d+ {2}错误 {2}unknown_variable {2}items\[0\]\.check/);
  });
});

describe('safecheck lint', () => {
  it('finds what parses but is probably wrong, counts unverified items, and exits 1', async () => {
    const json = rulesetJson();
    const fields = [
      ...(json.fields as object[]),
      { id: 'unused', section: 's', type: 'boolean', label: t('无人读取', 'read by nobody') },
    ];
    const dir = tree({ 'test/1.0.0.json': { ...json, fields } });
    const r = await run(['lint', '--locale', 'en', 'test/1.0.0.json'], { cwd: dir });
    expect(r.code).toBe(EXIT.findings);
    expect(r.stdout).toMatch(/1\.0\.0\.json:\d+:\d+ {2}warning {2}unused_field {2}fields\[4\]/);
    expect(r.stdout).toContain('1 of 1 items unverified');
  });

  it('finds nothing to say about the shipped loading checks, and counts their unverified items', async () => {
    const r = await run(['lint', '--locale', 'en', LFC]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain('7 of 7 items unverified');
  });

  it('exits 0 on a ruleset with nothing to say', async () => {
    const r = await run(['lint', 'rulesets/risk-grading/1.0.0.json']);
    expect([r.code, r.stdout.trim().split('\n').at(-1)]).toEqual([EXIT.ok, '1 个文件：0 个错误，0 个警告']);
  });
});

describe('safecheck diff', () => {
  const dir = tree({
    'test/1.0.0.json': rulesetJson(),
    'test/1.0.1.json': rulesetJson({ version: '1.0.1', items: [item('i1', { check: { '<': [{ var: 'a' }, 10] } })] }),
    'test/2.0.0.json': rulesetJson({ version: '2.0.0', items: [item('i2', { check: { var: 'flag' } })] }),
  });

  it('says a changed check needs a minor version and fails when the version moved less', async () => {
    const r = await run(['diff', 'test/1.0.0.json', 'test/1.0.1.json'], { cwd: dir });
    expect(r.code).toBe(EXIT.findings);
    expect(r.stdout).toContain('[次版本]  检查项“i1”的判定规则修改：check  items[0].check');
    expect(r.stdout).toContain('例如 1.1.0');
  });

  it('accepts a major step for a removed item; --json gives the diff as data', async () => {
    const r = await run(['diff', '--json', 'test/1.0.0.json', 'test/2.0.0.json'], { cwd: dir });
    expect(r.code).toBe(EXIT.ok);
    const d = JSON.parse(r.stdout);
    expect([d.required, d.actual, d.sufficient]).toEqual(['major', 'major', true]);
    expect(d.changes.map((c: { kind: string; id: string }) => `${c.kind} ${c.id}`)).toEqual(['removed i1', 'added i2']);
  });
});

describe('safecheck migrate', () => {
  const dir = tree({
    'test/1.0.0.json': rulesetJson(),
    'test/2.0.0.json': rulesetJson({
      version: '2.0.0',
      fields: [
        { id: 'amount', section: 's', type: 'number', label: t('数量甲', 'amount A') },
        { id: 'flag', section: 's', type: 'boolean', label: t('是否涉及', 'involved') },
      ],
      items: [item('i1', { check: { '<=': [{ var: 'amount' }, 10] } })],
    }),
    'saved.json': { ruleset: 'test', version: '1.0.0', date: '2026-03-01', answers: { a: 3, b: 4, flag: true } },
  });

  it('carries answers, finds the old version beside the new one, and lists what it could not carry', async () => {
    const r = await run(['migrate', '--to', 'test/2.0.0.json', 'saved.json'], { cwd: dir });
    expect(r.code).toBe(EXIT.findings);
    expect(JSON.parse(r.stdout)).toEqual({
      ruleset: 'test',
      version: '2.0.0',
      date: '2026-03-01',
      answers: { amount: 3, flag: true },
    });
    expect(r.stderr).toContain('→ a 改名为 amount，答案已转入');
    expect(r.stderr).toContain('✗ “数量乙”（b） 在 2.0.0 版中已删除，答案 4 未转入');
  });

  it('takes --from, --rename and --json', async () => {
    const r = await run(
      ['migrate', '--json', '--from', 'test/1.0.0.json', '--to', 'test/2.0.0.json', '--rename', 'b=amount', '-'],
      { cwd: dir, stdin: '{"b": 7}' },
    );
    expect(r.code).toBe(EXIT.ok);
    const m = JSON.parse(r.stdout);
    expect([m.answers, m.lost, m.notes.map((n: { kind: string }) => n.kind)]).toEqual([
      { amount: 7 },
      false,
      ['renamed'],
    ]);
  });

  it('asks for --from when the answers do not say their version', async () => {
    const r = await run(['migrate', '--to', 'test/2.0.0.json', '-'], { cwd: dir, stdin: '{"a": 1}' });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('--from');
  });
});

describe('safecheck evaluate', () => {
  it('writes the report as text in zh-CN by default, and exits 0 on pass', async () => {
    const b = baseline();
    const dir = tree({ 'answers.json': { date: b.date, answers: b.answers } });
    const r = await run(['evaluate', join(ROOT, LFC), 'answers.json'], { cwd: dir });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain('结论：准予充装/装载（通过）');
    expect(r.stdout).toContain('合计 7 项：符合 6，不符合 0，不适用 1，信息不全 0');
  });

  it('explains a failure in English, with the guidance, and exits 1', async () => {
    const b = baseline();
    const answers = JSON.stringify({ ...b.answers, 'vehicle.rtc_valid_to': '2026-03-01' });
    const r = await run(['evaluate', '--locale', 'en', '--date', b.date, LFC, '-'], { stdin: answers });
    expect(r.code).toBe(EXIT.findings);
    expect(r.stdout).toContain('Outcome: REFUSE (fail)');
    expect(r.stdout).toContain('the road transport certificate expired on 2026-03-01, 12 days before the loading date');
    expect(r.stdout).toContain('rectify: Do not fill or load.');
  });

  it('says why an override forced the band', async () => {
    const file = 'rulesets/risk-grading/1.1.0.json';
    const cases = JSON.parse(readFileSync(join(ROOT, file.replace('.json', '.cases.json')), 'utf8'));
    const { answers } = caseAnswers(
      JSON.parse(readFileSync(join(ROOT, file), 'utf8')),
      cases,
      'override-r4-two-larger',
    )!;
    const r = await run(['evaluate', '--locale', 'en', file, '-'], { stdin: JSON.stringify(answers) });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/overridden by: [^\n]*\(met: [^\n]*\(2\) ≥ 2\)/);
  });

  it('--json gives the report as data', async () => {
    const r = await run(['evaluate', '--json', LFC, '-'], { stdin: '{}' });
    const report = JSON.parse(r.stdout);
    expect([r.code, report.outcome, report.ruleset.id]).toEqual([EXIT.findings, 'incomplete', 'loading-five-checks']);
  });

  it('refuses wrapped answers saved under another ruleset or version, or with a date not text (exit 3)', async () => {
    const dir = tree({ 'test/1.0.0.json': rulesetJson() });
    const ok = await run(['evaluate', '--locale', 'en', 'test/1.0.0.json', '-'], {
      cwd: dir,
      stdin: JSON.stringify({ ruleset: 'test', version: '1.0.0', date: '2026-03-13', answers: { a: 3 } }),
    });
    expect([ok.code, ok.stdout]).toEqual([EXIT.ok, expect.stringContaining('Date: 2026-03-13')]);
    const r = await run(['evaluate', '--locale', 'en', 'test/1.0.0.json', '-'], {
      cwd: dir,
      stdin: JSON.stringify({ ruleset: 'other', version: '9.9.9', date: 20260313, answers: { a: 3 } }),
    });
    expect(r.code).toBe(EXIT.input);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      '-  error  invalid_evaluation_date  date  the evaluation date must be text YYYY-MM-DD, not 20260313',
      '-  error  ruleset_id_mismatch  ruleset  the answers name the ruleset "other", not "test"',
      '-  error  ruleset_id_mismatch  version  the answers name version 9.9.9, the ruleset is version 1.0.0: carry them over with safecheck migrate first',
    ]);
  });

  describe('versions side by side', () => {
    const dir = tree({
      'test/1.0.0.json': rulesetJson({ validFrom: '2020-01-01' }),
      'test/2.0.0.json': rulesetJson({
        version: '2.0.0',
        validFrom: '2026-01-01',
        items: [item('i1', { check: { '<=': [{ var: 'a' }, 5] } })],
      }),
    });
    const outcome = async (argv: string[]) => {
      const r = await run(['evaluate', '--json', ...argv, '-'], { cwd: dir, stdin: '{"a": 8}' });
      return r.code === EXIT.input
        ? r.stderr
        : `${JSON.parse(r.stdout).ruleset.version} ${JSON.parse(r.stdout).outcome}`;
    };

    it('re-evaluates last year’s inspection under last year’s rules with --at', async () => {
      expect(await outcome(['--at', '2025-06-30', 'test/2.0.0.json'])).toBe('1.0.0 pass');
      expect(await outcome(['--at', '2026-06-30', 'test/1.0.0.json'])).toBe('2.0.0 fail');
      expect(await outcome(['--date', '2025-06-30', 'test'])).toBe('1.0.0 pass');
    });

    it('refuses a date no version covers, with exit 3', async () => {
      expect(await outcome(['--at', '2019-06-30', 'test'])).toContain('no_version_valid');
    });
  });

  describe('a directory of one version', () => {
    const dir = tree({ 'test/1.0.0.json': rulesetJson({ validFrom: '2020-01-01' }) });
    const evaluateWith = (argv: string[], stdin: string) =>
      run(['evaluate', '--json', '--locale', 'en', ...argv, 'test', '-'], { cwd: dir, stdin });

    it('refuses a date before its version came into force, as a directory of several does', async () => {
      for (const r of [
        await evaluateWith(['--date', '2019-06-30'], '{"a": 3}'),
        await evaluateWith([], '{"date": "2019-06-30", "answers": {"a": 3}}'),
      ]) {
        expect(r.code).toBe(EXIT.input);
        expect(r.stderr).toContain('no_version_valid');
      }
    });

    it('evaluates under that version on a date it covers, or with no date at all', async () => {
      for (const argv of [['--date', '2025-06-30'], []]) {
        const r = await evaluateWith(argv, '{"a": 3}');
        expect(r.code).toBe(EXIT.ok);
        expect(JSON.parse(r.stdout).ruleset.version).toBe('1.0.0');
      }
    });
  });
});

describe('safecheck batch', () => {
  const records = [
    JSON.stringify({ id: 'e1', answers: { a: 3 } }),
    '{"a": 20}',
    '',
    '{"a": ',
    '[1]',
    JSON.stringify({ id: 'e6', date: '2026-03-01', answers: { a: 'ten' } }),
  ].join('\n');

  it('writes one line per record, reports bad records by line number and goes on, then sums up', async () => {
    const r = await run(['batch', '--compact', 'test/1.0.0.json'], {
      cwd: tree({ 'test/1.0.0.json': rulesetJson() }),
      stdin: records,
    });
    expect(r.code).toBe(EXIT.findings);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.line, l.id ?? null, l.outcome ?? l.issues[0].code])).toEqual([
      [1, 'e1', 'pass'],
      [2, null, 'fail'],
      [4, null, 'invalid_json'],
      [5, null, 'invalid_record'],
      [6, 'e6', 'incomplete'],
    ]);
    expect(lines[4].issues).toEqual(['invalid_answer']);
    expect(r.stderr).toContain('第 4 行: invalid_json');
    expect(r.stderr).toContain('第 5 行: invalid_record');
    expect(r.stderr).toContain('共 5 条记录：已评估 3 条，有误 2 条');
    expect(r.stderr).toContain('结论：通过 1，不通过 1，信息不全 1');
    expect(r.stderr).not.toContain('\r');
  });

  it('writes full reports by default, counts bands, and picks each record’s version by its date', async () => {
    const scoring = twoBands('low');
    const dir = tree({
      'test/1.0.0.json': rulesetJson({ validFrom: '2020-01-01', scoring }),
      'test/2.0.0.json': rulesetJson({ version: '2.0.0', validFrom: '2026-01-01', scoring }),
    });
    const input = ['2025-05-01', '2026-05-01', '2026-05-02']
      .map((date, k) => JSON.stringify({ date, answers: { a: 8 + 2 * k } }))
      .join('\n');
    const r = await run(['batch', '--locale', 'en', 'test'], { cwd: dir, stdin: input });
    expect(r.code).toBe(EXIT.ok);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => `${l.report.ruleset.version} ${l.report.outcome} ${l.report.score.band.id}`)).toEqual([
      '1.0.0 pass low',
      '2.0.0 pass low',
      '2.0.0 fail high',
    ]);
    expect(lines[2].report.items[0].explanation.text.en).toContain('10');
    expect(r.stderr).toContain('bands: low 2, high 1');
    expect(r.stderr).toContain('versions: test@1.0.0 1, test@2.0.0 2');
  });

  it('reports a record saved under another ruleset or version, or with no version in force, as bad', async () => {
    const dir = tree({
      'test/1.0.0.json': rulesetJson({ validFrom: '2020-01-01' }),
      'test/2.0.0.json': rulesetJson({ version: '2.0.0', validFrom: '2026-01-01' }),
    });
    const input = [
      { id: 'r1', ruleset: 'test', version: '2.0.0', date: '2026-03-13', answers: { a: 3 } },
      { id: 'r2', ruleset: 'other', date: '2026-03-13', answers: { a: 3 } },
      { id: 'r3', version: '1.0.0', date: '2026-03-13', answers: { a: 3 } },
      { id: 'r4', date: '2019-03-13', answers: { a: 3 } },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const r = await run(['batch', '--compact', '--locale', 'en', 'test'], { cwd: dir, stdin: input });
    expect(r.code).toBe(EXIT.findings);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(
      lines.map((l) => [
        l.id,
        l.outcome ?? l.issues.map((i: { code: string; path: string[] }) => `${i.code} ${i.path}`),
      ]),
    ).toEqual([
      ['r1', 'pass'],
      ['r2', ['ruleset_id_mismatch ruleset']],
      ['r3', ['ruleset_id_mismatch version']],
      ['r4', ['no_version_valid date']],
    ]);
    expect(r.stderr).toContain('line 2 ("r2"): ruleset_id_mismatch the record names the ruleset "other", not "test"');
    expect(r.stderr).toContain('line 4 ("r4"): no_version_valid');
    expect(r.stderr).toContain('4 records: 1 evaluated, 3 bad');
  });

  it('picks each record’s version by its date in a directory of one version too', async () => {
    const dir = tree({ 'test/1.0.0.json': rulesetJson({ validFrom: '2020-01-01' }) });
    const input = [
      { id: 'r1', date: '2026-03-13', answers: { a: 3 } },
      { id: 'r2', date: '2019-03-13', answers: { a: 3 } },
      { id: 'r3', answers: { a: 3 } },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const r = await run(['batch', '--compact', '--locale', 'en', 'test'], { cwd: dir, stdin: input });
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.outcome ?? l.issues.map((i: { code: string }) => i.code)])).toEqual([
      ['r1', 'pass'],
      ['r2', ['no_version_valid']],
      ['r3', 'pass'],
    ]);
    expect(r.code).toBe(EXIT.findings);
  });

  it('counts bands by their own ids, whatever they are called', async () => {
    const scoring = twoBands('constructor');
    const dir = tree({ 'test/1.0.0.json': rulesetJson({ scoring }) });
    const r = await run(['batch', '--compact', '--json', 'test/1.0.0.json'], { cwd: dir, stdin: '{"a": 1}\n{"a": 2}' });
    expect(JSON.parse(r.stderr).bands).toEqual({ constructor: 2 });
    const text = await run(['batch', '--compact', '--locale', 'en', 'test/1.0.0.json'], {
      cwd: dir,
      stdin: '{"a": 1}',
    });
    expect(text.stderr).toContain('bands: constructor 1\n');
  });

  it('ends a record only at a line feed: a bare carriage return stays inside it', async () => {
    const dir = tree({ 'test/1.0.0.json': rulesetJson() });
    const r = await run(['batch', '--compact', 'test/1.0.0.json'], {
      cwd: dir,
      stdin: '{"id": 1,\r"answers": {"a": 3}}\r\n{"id": 2, "answers": {"a": 30}}\r\n\n{"a": 4}',
    });
    expect(r.code).toBe(EXIT.ok);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.line, l.outcome])).toEqual([
      [1, 'pass'],
      [2, 'fail'],
      [4, 'pass'],
    ]);
  });

  it('shows progress on stderr only when it is a terminal', async () => {
    const input = Array.from({ length: 2048 }, (_, k) => JSON.stringify({ a: k % 12 })).join('\n');
    const dir = tree({ 'test/1.0.0.json': rulesetJson() });
    const tty = await run(['batch', '--compact', 'test/1.0.0.json'], { cwd: dir, stdin: input, tty: true });
    expect(tty.stderr).toContain('\r\x1b[K已处理 1,024 条');
    const json = await run(['batch', '--compact', '--json', 'test/1.0.0.json'], { cwd: dir, stdin: input });
    expect(JSON.parse(json.stderr)).toMatchObject({ records: 2048, outcomes: { pass: 1878, fail: 170 } });
  });
});

describe('safecheck compose and versions', () => {
  const dir = tree({
    'base/1.0.0.json': rulesetJson({
      id: 'base',
      items: [item('i1', { check: { var: 'flag' } }), item('i2', { check: { var: 'a' } })],
    }),
    'county/1.0.0.json': {
      ...rulesetJson({
        id: 'county',
        sections: [{ id: 'local', title: t('本县', 'County') }],
        fields: [],
        items: [item('c1', { section: 'local', check: { '<': [{ var: 'a' }, 3] } })],
      }),
      extends: { ruleset: 'base', version: '1.0.0', remove: [{ item: 'i1', reason: t('不适用', 'does not apply') }] },
    },
  });

  it('compose prints a normal ruleset with its provenance', async () => {
    const r = await run(['compose', '--locale', 'en', 'county/1.0.0.json'], { cwd: dir });
    expect(r.code).toBe(EXIT.ok);
    const json = JSON.parse(r.stdout);
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(['i2', 'c1']);
    expect(json.extends.inherited.items).toEqual({ i2: 'base@1.0.0' });
    expect(r.stderr).toContain('fields only removed items used, left out: flag');
  });

  it('versions lists the versions and marks the one in force', async () => {
    const d = tree({
      'test/1.0.0.json': rulesetJson({ validFrom: '2020-01-01', validTo: '2025-12-31' }),
      'test/1.1.0.json': rulesetJson({ version: '1.1.0', validFrom: '2026-01-01' }),
    });
    const r = await run(['versions', '--at', '2024-01-01', 'test'], { cwd: d });
    expect(r.stdout).toBe('→ test 1.0.0  2020-01-01 – 2025-12-31\n  test 1.1.0  2026-01-01 – （至今）\n');
  });
});

describe('the command line', () => {
  it.each([
    [['frobnicate'], '未知命令“frobnicate”'],
    [['validate', '--frob'], "Unknown option '--frob'"],
    [['validate', '--to', 'x.json', LFC], '选项 --to 不适用于 validate'],
    [['evaluate', '--date', '13/03/2026', LFC, '-'], '--date 应为 YYYY-MM-DD'],
    [['diff', LFC], '用法：safecheck diff'],
    [['validate', '--locale', 'fr', LFC], '不支持的语言“fr”'],
    [['constructor', LFC], '未知命令“constructor”'],
    [['toString', '--json', LFC], '未知命令“toString”'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain(message);
  });

  it('prints help in either language, the exit codes included', async () => {
    const zh = await run(['--help']);
    const en = await run(['help', '--locale', 'en']);
    expect([zh.code, en.code]).toEqual([EXIT.ok, EXIT.ok]);
    expect(zh.stdout).toContain('退出状态');
    expect(en.stdout).toContain('3  input unusable');
    expect((await run([])).code).toBe(EXIT.usage);
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('the executable', () => {
  it('runs as a process: batch from stdin to stdout, with its exit status', { timeout: 60_000 }, () => {
    const bin = join(ROOT, 'packages/core/src/cli/bin.ts');
    const input = ['{"a": 3}', 'not json', '{"a": 30}'].join('\n');
    const p = spawnSync(process.execPath, ['--import', 'tsx', bin, 'batch', '--compact', '--locale', 'en', LFC], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
    });
    expect(p.status).toBe(EXIT.findings);
    expect(
      p.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).line),
    ).toEqual([1, 2, 3]);
    expect(p.stderr).toContain('line 2: invalid_json');
    expect(p.stderr).toContain('3 records: 2 evaluated, 1 bad');
  });
});
