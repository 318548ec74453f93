import { describe, expect, it } from 'vitest';
import { item, ruleset, rulesetJson, t } from '../../../../test/fixtures.js';
import { checkAnswers, toLogicData } from '../answers/answers.js';
import { compileLogic } from './compile.js';
import { evaluate, itemInputs } from './evaluate.js';
import { createSession } from './session.js';
import { truthy } from './operators.js';

const docs = ruleset({
  outcomes: { pass: t('准予装载', 'LOAD'), fail: t('拒绝装载', 'REFUSE'), incomplete: t('信息不全', 'INCOMPLETE') },
  criteria: [{ id: '121-12', title: t('未设检测报警', 'no gas detection') }],
  sections: [
    { id: 's', title: t('证件', 'Documents') },
    { id: 'sub', title: t('子项', 'Sub'), parent: 's' },
  ],
  fields: [
    {
      id: 'doc.valid_to',
      section: 's',
      type: 'date',
      label: t('道路运输证有效期至', 'road transport certificate valid to'),
    },
    { id: 'loading.date', section: 's', type: 'date', label: t('装载日期', 'loading date') },
    { id: 'load', section: 's', type: 'number', unit: 't', min: 0, label: t('装载量', 'quantity') },
    { id: 'rated', section: 's', type: 'number', unit: 't', label: t('核定载质量', 'rated load') },
    { id: 'note', section: 's', type: 'text', required: false, label: t('备注', 'note') },
    { id: 'escort.present', section: 's', type: 'boolean', label: t('押运员在场', 'escort present') },
    {
      id: 'escort.cert_to',
      section: 's',
      type: 'date',
      label: t('押运员从业资格证有效期至', 'escort certificate valid to'),
      appliesWhen: { var: 'escort.present' },
    },
    {
      id: 'cls',
      section: 's',
      type: 'choice',
      label: t('类别', 'class'),
      options: [
        { value: '2.1', label: t('易燃气体', 'flammable gas') },
        { value: '3', label: t('易燃液体', 'flammable liquid') },
      ],
    },
    { id: 'un', section: 's', type: 'codes', pattern: 'UN\\d{4}', label: t('适装介质', 'permitted media') },
  ],
  items: [
    item('valid', {
      check: { 'date.gte': [{ var: 'doc.valid_to' }, { var: 'loading.date' }] },
      explain: [
        {
          when: { 'date.lt': [{ var: 'doc.valid_to' }, { var: 'loading.date' }] },
          text: t(
            '道路运输证已于 {doc.valid_to} 到期，早于装载日期 {days} 天',
            'the certificate expired on {doc.valid_to}, {days} days before the loading date',
          ),
          values: { days: { 'date.days_between': [{ var: 'doc.valid_to' }, { var: 'loading.date' }] } },
        },
      ],
    }),
    item('weight', {
      section: 'sub',
      severity: 'major',
      majorHazard: '121-12',
      check: { and: [{ '>': [{ var: 'load' }, 0] }, { '<=': [{ var: 'load' }, { var: 'rated' }] }] },
    }),
    item('escort', {
      check: { and: [{ var: 'escort.present' }, { 'date.gte': [{ var: 'escort.cert_to' }, { var: 'loading.date' }] }] },
    }),
    item('gas-only', { appliesWhen: { '==': [{ var: 'cls' }, '2.1'] }, check: { in: ['UN1075', { var: 'un' }] } }),
    item('judged', { judgment: true }),
    item('noted', { check: { '!': [{ var: 'note' }] } }),
  ],
  record: { fields: ['doc.valid_to', 'load', 'note'], retention: t('保存不少于12个月', 'keep at least 12 months') },
});

const complete = {
  'doc.valid_to': '2026-03-13',
  'loading.date': '2026-03-13',
  load: 20,
  rated: 25,
  'escort.present': true,
  'escort.cert_to': '2027-01-01',
  cls: '3',
  un: ['UN1203'],
  judged: 'compliant',
};

const statusOf = (report: ReturnType<typeof evaluate>) => Object.fromEntries(report.items.map((i) => [i.id, i.status]));

describe('evaluate', () => {
  it('passes a complete, valid set of answers', () => {
    const report = evaluate(docs, complete);
    expect(statusOf(report)).toEqual({
      valid: 'pass',
      weight: 'pass',
      escort: 'pass',
      'gas-only': 'not_applicable',
      judged: 'pass',
      noted: 'pass',
    });
    expect(report.outcome).toBe('pass');
    expect(report.outcomeLabel?.en).toBe('LOAD');
    expect(report.issues).toEqual([]);
  });

  it('explains a failure in the ruleset’s own words, with the values', () => {
    const report = evaluate(docs, { ...complete, 'doc.valid_to': '2026-03-01' });
    const valid = report.items.find((i) => i.id === 'valid')!;
    expect(valid.status).toBe('fail');
    expect(valid.explanation?.text['zh-CN']).toBe('道路运输证已于 2026-03-01 到期，早于装载日期 12 天');
    expect(valid.explanation?.text.en).toBe('the certificate expired on 2026-03-01, 12 days before the loading date');
    expect(valid.explanation?.inputs).toEqual([
      {
        field: 'doc.valid_to',
        label: t('道路运输证有效期至', 'road transport certificate valid to'),
        value: '2026-03-01',
      },
      { field: 'loading.date', label: t('装载日期', 'loading date'), value: '2026-03-13' },
    ]);
    expect(report.outcome).toBe('fail');
    expect(report.outcomeLabel?.['zh-CN']).toBe('拒绝装载');
  });

  it('explains by itself which sub-condition decided, with labels, values and units', () => {
    const report = evaluate(docs, { ...complete, load: 30 });
    const weight = report.items.find((i) => i.id === 'weight')!;
    expect(weight.explanation?.conditions).toHaveLength(1);
    expect(weight.explanation?.text.en).toBe('not met: quantity (30 t) ≤ rated load (25 t)');
    expect(weight.explanation?.text['zh-CN']).toBe('未满足：装载量（30 t） ≤ 核定载质量（25 t）');
    expect(weight.explanation?.conditions[0]?.inputs).toEqual([
      { field: 'load', value: 30 },
      { field: 'rated', value: 25 },
    ]);
  });

  it('says which part of an "and" failed: the escort is absent', () => {
    const report = evaluate(docs, { ...complete, 'escort.present': false });
    const escort = report.items.find((i) => i.id === 'escort')!;
    expect(escort.status).toBe('fail');
    expect(escort.explanation?.text.en).toBe('not met: escort present (no)');
  });

  it('is incomplete, never pass, when a required input is blank; and lists every blank input', () => {
    const report = evaluate(docs, { ...complete, 'loading.date': null, rated: undefined });
    expect(statusOf(report)).toMatchObject({ valid: 'incomplete', weight: 'incomplete', escort: 'incomplete' });
    expect(report.outcome).toBe('incomplete');
    const weight = report.items.find((i) => i.id === 'weight')!;
    expect(weight.explanation?.missing.map((m) => m.field)).toEqual(['rated']);
    expect(weight.explanation?.text.en).toBe('missing: rated load');
    const escort = evaluate(docs, { 'escort.present': true }).items.find((i) => i.id === 'escort')!;
    expect(escort.explanation?.missing.map((m) => m.field)).toEqual(['escort.cert_to', 'loading.date']);
  });

  it('needs only the inputs the evaluation reads: a failed first condition decides', () => {
    const report = evaluate(docs, { ...complete, 'escort.present': false, 'escort.cert_to': undefined });
    expect(statusOf(report).escort).toBe('fail');
  });

  it('fails whenever any item fails, even with others incomplete', () => {
    const report = evaluate(docs, { 'doc.valid_to': '2026-01-01', 'loading.date': '2026-03-13' });
    expect(report.outcome).toBe('fail');
  });

  it('reads an optional blank field as null, without making the item incomplete', () => {
    expect(statusOf(evaluate(docs, complete)).noted).toBe('pass');
    expect(statusOf(evaluate(docs, { ...complete, note: 'x' })).noted).toBe('fail');
  });

  it('hides items that do not apply, and is incomplete while applicability is unknown', () => {
    expect(statusOf(evaluate(docs, { ...complete, cls: '2.1' }))['gas-only']).toBe('fail');
    expect(statusOf(evaluate(docs, { ...complete, cls: '2.1', un: ['UN1075'] }))['gas-only']).toBe('pass');
    expect(statusOf(evaluate(docs, { ...complete, cls: undefined }))['gas-only']).toBe('incomplete');
  });

  it('takes the inspector’s judgment, with a note', () => {
    const fail = evaluate(docs, { ...complete, judged: { verdict: 'noncompliant', note: '动火票未审批' } });
    const judged = fail.items.find((i) => i.id === 'judged')!;
    expect(judged.status).toBe('fail');
    expect(judged.explanation?.text['zh-CN']).toBe('检查人员判定不符合：动火票未审批');
    expect(judged.judgment).toEqual({ verdict: 'noncompliant', note: '动火票未审批' });
    expect(statusOf(evaluate(docs, { ...complete, judged: 'not_applicable' })).judged).toBe('not_applicable');
    expect(statusOf(evaluate(docs, { ...complete, judged: undefined })).judged).toBe('incomplete');
  });

  it('converts a number given in another unit: 26,000 kg is 26 t', () => {
    const report = evaluate(docs, { ...complete, load: { value: 26000, unit: 'kg' } });
    expect(report.items.find((i) => i.id === 'weight')?.explanation?.text.en).toBe(
      'not met: quantity (26 t) ≤ rated load (25 t)',
    );
  });

  it('reports bad answers as issues with paths, and counts them as blank', () => {
    const report = evaluate(docs, {
      ...complete,
      load: '20',
      cls: '9',
      un: ['1203'],
      'loading.date': '13/03/2026',
      judged: 'yes',
      colour: 'red',
    });
    expect(report.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_answer', ['loading.date']],
      ['invalid_answer', ['load']],
      ['invalid_answer', ['cls']],
      ['invalid_answer', ['un']],
      ['invalid_answer', ['judged']],
      ['unknown_answer', ['colour']],
    ]);
    expect(report.outcome).toBe('incomplete');
    expect(report.issues[1]?.message['zh-CN']).toContain('装载量');
  });

  it('never throws on answers of the wrong shape', () => {
    for (const answers of [null, undefined, 5, 'x', [], [1], { load: {} }, { load: { value: 1 } }, { un: 'UN1203' }]) {
      expect(() => evaluate(docs, answers)).not.toThrow();
    }
    expect(evaluate(docs, [1]).issues[0]?.code).toBe('invalid_answer');
  });

  it('counts per section (with parents), per severity, and lists major hazards with their criterion', () => {
    const report = evaluate(docs, { ...complete, load: 30 });
    expect(report.totals.all).toEqual({ total: 6, pass: 4, fail: 1, not_applicable: 1, incomplete: 0 });
    expect(report.totals.bySection.sub).toEqual({ total: 1, pass: 0, fail: 1, not_applicable: 0, incomplete: 0 });
    expect(report.totals.bySection.s?.total).toBe(6);
    expect(report.totals.bySeverity.major.fail).toBe(1);
    expect(report.majorHazards).toEqual([
      {
        criterion: '121-12',
        criterionTitle: t('未设检测报警', 'no gas detection'),
        item: 'weight',
        title: t('检查 weight', 'check weight'),
      },
    ]);
    expect(report.unverifiedItems).toBe(5);
  });

  it('carries the record to keep, with the outcome, date and retention', () => {
    const report = evaluate(docs, complete, { date: '2026-03-13' });
    expect(report.record).toEqual({
      values: { 'doc.valid_to': '2026-03-13', load: 20, note: null },
      outcome: 'pass',
      outcomeLabel: t('准予装载', 'LOAD'),
      date: '2026-03-13',
      retention: t('保存不少于12个月', 'keep at least 12 months'),
    });
  });

  it('is deterministic: same ruleset, answers and date give the same bytes', () => {
    const answers = { ...complete, load: 30, colour: 'x', judged: { verdict: 'noncompliant', note: 'n' } };
    const a = JSON.stringify(evaluate(docs, answers, { date: '2026-03-13' }));
    const shuffled = Object.fromEntries(Object.entries(answers).reverse());
    const b = JSON.stringify(evaluate(docs, shuffled, { date: '2026-03-13' }));
    expect(b).not.toBe('');
    expect(JSON.parse(a)).toEqual(JSON.parse(b));
    expect(JSON.stringify(evaluate(docs, answers, { date: '2026-03-13' }))).toBe(a);
  });

  it('can skip explanations for batch jobs', () => {
    const report = evaluate(docs, { ...complete, load: 30 }, { explain: false });
    expect(report.items.find((i) => i.id === 'weight')).not.toHaveProperty('explanation');
  });

  it('needs the evaluation date for rules that read $date, and never reads the clock', () => {
    const dated = ruleset({
      items: [item('fresh', { check: { 'date.gte': [{ var: 'doc.valid_to' }, { var: '$date' }] } })],
    });
    expect(evaluate(dated, { 'doc.valid_to': '2026-01-01' }).items[0]?.status).toBe('incomplete');
    expect(evaluate(dated, { 'doc.valid_to': '2026-01-01' }).items[0]?.explanation?.missing[0]?.field).toBe('$date');
    expect(evaluate(dated, { 'doc.valid_to': '2026-01-01' }, { date: '2025-12-31' }).items[0]?.status).toBe('pass');
    expect(evaluate(dated, { 'doc.valid_to': '2026-01-01' }, { date: '2026-01-02' }).items[0]?.status).toBe('fail');
  });

  it('turns a rule that raises into an incomplete item and a logic_error issue', () => {
    const broken = ruleset({ items: [item('x', { check: { throw: 'no table for this class' } })] });
    const report = evaluate(broken, {});
    expect(report.items[0]?.status).toBe('incomplete');
    expect(report.items[0]?.explanation?.error).toBe('no table for this class');
    expect(report.issues.map((i) => i.code)).toEqual(['logic_error']);
  });
});

describe('evaluate: one item at a time, and what decides an item', () => {
  it('evaluates only the items asked for, with totals and outcome of just them, and no score', () => {
    const report = evaluate(docs, { ...complete, load: 30 }, { only: ['weight', 'nope'] });
    expect(report.items.map((i) => [i.id, i.status])).toEqual([['weight', 'fail']]);
    expect(report.totals.all).toEqual({ total: 1, pass: 0, fail: 1, not_applicable: 0, incomplete: 0 });
    expect(report.outcome).toBe('fail');
    expect(report.score).toBeUndefined();
    expect(report.issues.map((i) => [i.code, i.path])).toEqual([['unknown_item', ['only', 1]]]);
  });

  it('says what in `only` it cannot use, rather than reporting nothing as a pass', () => {
    const issuesOf = (only: unknown) =>
      evaluate(docs, complete, { only: only as string[] }).issues.map((i) => [i.code, i.path]);
    expect(issuesOf(['nope'])).toEqual([['unknown_item', ['only', 0]]]);
    expect(issuesOf('weight')).toEqual([['invalid_value', ['only']]]);
    expect(issuesOf([7])).toEqual([['unknown_item', ['only', 0]]]);
    expect(issuesOf([])).toEqual([]);
  });

  it('lists the fields that decide an item, in ruleset order', () => {
    expect(itemInputs(docs, 'escort').map((f) => f.id)).toEqual(['loading.date', 'escort.present', 'escort.cert_to']);
    expect(itemInputs(docs, 'gas-only').map((f) => f.id)).toEqual(['cls', 'un']);
    expect(itemInputs(docs, 'judged')).toEqual([]);
    expect(itemInputs(docs, 'nope')).toEqual([]);
  });
});

describe('evaluate: the inspector’s verdict is reported as given', () => {
  it('keeps a compliant verdict on an item that does not apply', () => {
    const r = ruleset({
      items: [item('j', { judgment: true, appliesWhen: { var: 'flag' } })],
    });
    const report = evaluate(r, { flag: false, j: 'compliant' }, { explain: false });
    expect(report.items[0]).toMatchObject({ status: 'not_applicable', judgment: { verdict: 'compliant' } });
    expect(evaluate(r, { j: 'noncompliant' }, { explain: false }).items[0]).toMatchObject({
      status: 'incomplete',
      judgment: { verdict: 'noncompliant' },
    });
  });
});

describe('evaluate: rules that read the nested data', () => {
  // Item rules read answers by slot; the nested data is made only when a rule of the ruleset
  // reads it. Each rule alone in its ruleset, so that no other rule makes the data for it.
  const rules: unknown[] = [
    { '==': [{ var: 'un.0' }, 'UN1203'] },
    { '==': [{ var: 'doc' }, null] },
    { var: [''] },
    { '==': [{ 'list.count': { missing: ['a', 'flag', 'doc.valid_to'] } }, 1] },
    { '!': { missing_some: [2, ['a', 'flag', 'un']] } },
    { val: ['flag'] },
    { exists: ['doc', 'valid_to'] },
    { some: [{ var: 'un' }, { '==': [{ val: [[2], 'a'] }, 5] }] },
    { map: [[1], { val: [[2], 'flag'] }] },
    { var: { cat: ['fl', 'ag'] } },
  ];
  const answerSets = [
    { a: 5, flag: true, un: ['UN1203'], 'doc.valid_to': '2026-01-01' },
    { a: 4, flag: false, un: ['UN1090'] },
    {},
  ];
  it.each(rules.map((r) => [JSON.stringify(r), r] as const))('%s', (_text, rule) => {
    const fields = [
      ...(rulesetJson().fields as object[]),
      { id: 'un', section: 's', type: 'codes', required: false, label: t('介质', 'media') },
    ];
    const r = ruleset({ fields, items: [item('x', { check: rule })] });
    for (const answers of answerSets) {
      const data = toLogicData(checkAnswers(r, answers).values, '2026-06-30');
      const status = evaluate(r, answers, { date: '2026-06-30' }).items[0]!.status;
      if (status !== 'incomplete') expect(status).toBe(truthy(compileLogic(rule)(data)) ? 'pass' : 'fail');
    }
  });
});

describe('evaluate: items with the same appliesWhen', () => {
  // They share one closure and, per state of the answers, one value: each must still get what
  // its own evaluation would give, blank inputs and errors included.
  const shared = { and: [{ var: 'flag' }, { '>': [{ var: 'a' }, 1] }] };
  const r = ruleset({
    items: [
      item('x', { appliesWhen: shared, check: { '<=': [{ var: 'a' }, 10] } }),
      item('y', { appliesWhen: structuredClone(shared), check: { '>=': [{ var: 'a' }, 5] } }),
      item('z', { appliesWhen: { and: [{ var: 'flag' }, { '>': [{ var: 'a' }, 1.0] }, true] }, check: true }),
      item('e1', { appliesWhen: { throw: 'bad' }, check: true }),
      item('e2', { appliesWhen: { throw: 'bad' }, check: true }),
    ],
  });
  const statuses = (answers: Record<string, unknown>) =>
    evaluate(r, answers, { explain: false }).items.map((i) => [i.id, i.status, i.explanation?.missing]);

  it('gives each item its own status and missing inputs', () => {
    expect(statuses({ flag: true })).toEqual([
      ['x', 'incomplete', undefined],
      ['y', 'incomplete', undefined],
      ['z', 'incomplete', undefined],
      ['e1', 'incomplete', undefined],
      ['e2', 'incomplete', undefined],
    ]);
    const report = evaluate(r, { flag: true }, {});
    expect(report.items.map((i) => i.explanation?.missing.map((m) => m.field))).toEqual([['a'], ['a'], ['a'], [], []]);
    expect(report.issues.map((i) => i.code)).toEqual(['logic_error', 'logic_error']);
    expect(statuses({ flag: true, a: 7 }).map((s) => s[1])).toEqual([
      'pass',
      'pass',
      'pass',
      'incomplete',
      'incomplete',
    ]);
    expect(statuses({ flag: false, a: 12 }).map((s) => s[1])).toEqual([
      'not_applicable',
      'not_applicable',
      'not_applicable',
      'incomplete',
      'incomplete',
    ]);
  });

  it('changes together in a session as their inputs change', () => {
    const session = createSession(r, { flag: true, a: 7 });
    expect(session.set('a', 2).changed.map((c) => [c.id, c.to])).toEqual([['y', 'fail']]);
    expect(session.set('flag', false).changed.map((c) => [c.id, c.to])).toEqual([
      ['x', 'not_applicable'],
      ['y', 'not_applicable'],
      ['z', 'not_applicable'],
    ]);
    expect(session.set('a', null).changed.map((c) => [c.id, c.to])).toEqual([]);
    expect(session.set('flag', true).changed.map((c) => [c.id, c.to])).toEqual([
      ['x', 'incomplete'],
      ['y', 'incomplete'],
      ['z', 'incomplete'],
    ]);
    expect(session.report()).toEqual(evaluate(r, { flag: true }));
  });
});

describe('evaluate: answers in any order', () => {
  it('checks each key whatever its position, as checkAnswers does', () => {
    const r = ruleset();
    const entries: [string, unknown][] = [
      ['a', 3],
      ['flag', true],
      ['b', 'x'],
      ['doc.valid_to', '2026-01-01'],
      ['nope', 1],
    ];
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 60; round++) {
      entries[0] = ['a', rnd() < 0.5 ? 3 : 30];
      const picked = entries.filter(() => rnd() < 0.7).sort(() => rnd() - 0.5);
      const answers = Object.fromEntries(picked);
      const report = evaluate(r, answers, { date: '2026-06-30', explain: false });
      const checked = checkAnswers(r, answers);
      expect(report.issues).toEqual(checked.issues);
      const a = checked.values.get('a') as number | undefined;
      const expected = a === undefined ? 'incomplete' : a <= 10 ? 'pass' : 'fail';
      expect(report.items[0]!.status, JSON.stringify(answers)).toBe(expected);
    }
  });
});
