import { describe, expect, it } from 'vitest';
import { SafecheckError } from '../issues.js';
import { analyzeLogic, compileLogic } from './compile.js';
import { addDays, addMonths, fromDayNumber, toDayNumber } from './dates.js';
import { eagerOperator } from './operators.js';

const run = (rule: unknown, data?: unknown) => compileLogic(rule)(data);

describe('compileLogic: rules read the data’s own properties only', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'constructor.name', 'a.constructor'])(
    '{"var": "%s"} reads nothing from the prototype chain',
    (path) => {
      expect(run({ var: path }, { a: {} })).toBeNull();
      expect(run({ var: [path, 'fallback'] }, { a: {} })).toBe('fallback');
      expect(run({ val: path.split('.') }, { a: {} })).toBeNull();
      expect(run({ exists: path.split('.') }, { a: {} })).toBe(false);
      expect(run({ missing: [path] }, { a: {} })).toEqual([path]);
    },
  );

  it('still reads own properties that shadow prototype names', () => {
    const data = JSON.parse('{"constructor": 1, "__proto__": 2, "toString": "x"}');
    expect(run({ var: 'constructor' }, data)).toBe(1);
    expect(run({ var: '__proto__' }, data)).toBe(2);
    expect(run({ var: 'toString' }, data)).toBe('x');
  });

  it('reads nothing a host object inherits, and runs no inherited getter', () => {
    let ran = 0;
    class Vehicle {
      get plate(): string {
        ran++;
        return '浙A12345';
      }
    }
    const inherited = Object.create({ plate: '浙B54321', tank: { volume: 30 } }) as object;
    for (const data of [new Vehicle(), inherited]) {
      expect(run({ var: 'plate' }, data)).toBeNull();
      expect(run({ var: ['plate', 'none'] }, data)).toBe('none');
      expect(run({ var: 'tank.volume' }, data)).toBeNull();
      expect(run({ var: 'v.plate' }, { v: data })).toBeNull();
      expect(run({ '==': [{ var: 'v.plate' }, '浙A12345'] }, { v: data })).toBe(false);
      expect(run({ val: ['plate'] }, data)).toBeNull();
      expect(run({ exists: ['plate'] }, data)).toBe(false);
      expect(run({ missing: ['plate'] }, data)).toEqual(['plate']);
    }
    expect(ran).toBe(0);
    // What the host object owns is read, getters included.
    const owned = Object.defineProperty(new Vehicle(), 'plate', { get: () => '浙C11111', enumerable: true });
    expect(run({ var: 'v.plate' }, { v: owned })).toBe('浙C11111');
  });

  it('reads nothing that other code added to Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto['polluted'] = 'yes';
    try {
      expect(run({ var: 'polluted' }, {})).toBeNull();
      expect(run({ var: 'a.polluted' }, { a: {} })).toBeNull();
      expect(run({ val: ['a', 'polluted'] }, { a: {} })).toBeNull();
      expect(run({ exists: ['polluted'] }, {})).toBe(false);
    } finally {
      delete proto['polluted'];
    }
  });

  it('`in` searches strings and arrays only, never calling a method of the data', () => {
    let called = 0;
    const list = {
      indexOf: () => {
        called++;
        return 0;
      },
    };
    class Codes extends Array<string> {
      override indexOf(): number {
        called++;
        return 0;
      }
    }
    const codes = Codes.from(['UN1203']);
    expect(run({ in: ['UN1203', { var: 'list' }] }, { list })).toBe(false);
    expect(run({ in: ['UN1203', { var: 'codes' }] }, { codes })).toBe(true);
    expect(run({ in: ['UN1965', { var: 'codes' }] }, { codes })).toBe(false);
    expect(called).toBe(0);
    expect(run({ in: ['12', 'UN1203'] })).toBe(true);
    expect(run({ in: [12, 'UN1203'] })).toBe(true);
    expect(run({ in: [1, [1, 2]] })).toBe(true);
    expect(run({ in: ['1', [1, 2]] })).toBe(false);
    expect(run({ in: [1, 5] })).toBe(false);
  });

  it('runs no method of an array subclass in the data: list operators and iterators use the built-ins', () => {
    const ran: string[] = [];
    class Evil extends Array<unknown> {
      override every(): this is unknown[] {
        ran.push('every');
        return true;
      }
      override some(): boolean {
        ran.push('some');
        return true;
      }
      override includes(): boolean {
        ran.push('includes');
        return true;
      }
      override map<U>(): U[] {
        ran.push('map');
        return [];
      }
      override filter(): unknown[] {
        ran.push('filter');
        return [];
      }
      override reduce(): unknown {
        ran.push('reduce');
        return 42;
      }
    }
    const list = Evil.from(['B']);
    const data = { list, other: Evil.from(['A']) };
    expect(run({ 'list.all_in': [{ var: 'list' }, ['A']] }, data)).toBe(false);
    expect(run({ 'list.any_in': [['A'], { var: 'list' }] }, data)).toBe(false);
    expect(run({ 'list.all_in': [{ var: 'list' }, { var: 'other' }] }, data)).toBe(false);
    expect(run({ 'list.any_in': [{ var: 'list' }, { var: 'other' }] }, data)).toBe(false);
    expect(run({ 'list.missing_from': [{ var: 'list' }, { var: 'other' }] }, data)).toEqual(['B']);
    expect(run({ map: [{ var: 'list' }, { cat: [{ var: '' }, '!'] }] }, data)).toEqual(['B!']);
    expect(run({ filter: [{ var: 'list' }, true] }, data)).toEqual(['B']);
    expect(run({ reduce: [{ var: 'list' }, { cat: [{ var: 'accumulator' }, { var: 'current' }] }, ''] }, data)).toBe(
      'B',
    );
    expect(run({ merge: [{ var: 'list' }, { var: 'other' }] }, data)).toEqual(['B', 'A']);
    expect(ran).toEqual([]);
  });

  it('reads array elements and lengths, which are own properties', () => {
    expect(run({ var: 'a.1' }, { a: [5, 6] })).toBe(6);
    expect(run({ var: 'a.length' }, { a: [5, 6] })).toBe(2);
  });

  it('does not treat data as rules', () => {
    const data = { rule: { var: 'secret' }, secret: 42 };
    expect(run({ var: 'rule' }, data)).toEqual({ var: 'secret' });
    expect(run({ if: [{ var: 'rule' }, 'yes', 'no'] }, data)).toBe('yes');
  });

  it('refuses operators that exist only on the prototype of the table', () => {
    for (const op of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => compileLogic(JSON.parse(`{"${op}": [1]}`))).toThrow(SafecheckError);
    }
  });
});

describe('compileLogic: limits give issues, never a stack overflow', () => {
  it('refuses a rule nested 100,000 deep with logic_too_deep', () => {
    let rule: unknown = true;
    for (let i = 0; i < 100_000; i++) rule = { '!': [rule] };
    const analysis = analyzeLogic(rule);
    expect(analysis.issues.map((i) => i.code)).toEqual(['logic_too_deep']);
    expect(() => compileLogic(rule)).toThrow(SafecheckError);
  });

  it('refuses a rule of a million nodes with logic_too_large', () => {
    const rule = { '+': Array.from({ length: 1_000_000 }, () => 1) };
    expect(analyzeLogic(rule).issues.map((i) => i.code)).toEqual(['logic_too_large']);
  });

  it('takes custom limits', () => {
    const rule = { and: [{ or: [true, { '!': [false] }] }] };
    expect(() => compileLogic(rule, { maxDepth: 2, maxNodes: 100 })).toThrow(/nested deeper than 2/);
    expect(() => compileLogic(rule, { maxDepth: 3, maxNodes: 4 })).toThrow(/more than 4 nodes/);
    expect(compileLogic(rule, { maxDepth: 3, maxNodes: 100 })(null)).toBe(true);
    expect(run(rule)).toBe(true);
  });

  it('compiles each rule once and reuses the closures', () => {
    const rule = { '<': [{ var: 'x' }, 10] };
    const f = compileLogic(rule);
    expect([f({ x: 1 }), f({ x: 11 }), f({})]).toEqual([true, false, true]);
  });
});

describe('analyzeLogic', () => {
  it('lists the top-scope variables a rule reads, not the ones inside iterations', () => {
    const rule = {
      and: [
        { var: 'a.b' },
        { missing: ['c', 'd'] },
        { some: [{ var: 'list' }, { '==': [{ var: 'inner' }, 1] }] },
        { val: ['e', 'f'] },
      ],
    };
    expect(analyzeLogic(rule)).toMatchObject({ vars: ['a.b', 'c', 'd', 'e.f', 'list'], dynamic: false });
  });

  it('says when a rule reads a computed path', () => {
    expect(analyzeLogic({ var: { cat: ['a', 'b'] } }).dynamic).toBe(true);
    expect(analyzeLogic({ map: [{ var: 'xs' }, { val: [[2], 'k'] }] }).dynamic).toBe(true);
  });
});

describe('calendar arithmetic', () => {
  it('agrees with the platform’s UTC calendar on every day from 1899 to 2101', () => {
    let checked = 0;
    for (let day = Date.UTC(1899, 0, 1) / 86_400_000; day <= Date.UTC(2101, 11, 31) / 86_400_000; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(toDayNumber(iso)).toBe(day);
      expect(fromDayNumber(day)).toBe(iso);
      checked++;
    }
    expect(checked).toBe(74_144);
  });

  it.each([
    '2026-02-29',
    '2100-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-4-1',
    '20260401',
    '2026-04-01x',
    'abcd-ef-gh',
    '',
  ])('refuses %j', (text) => expect(toDayNumber(text)).toBeNull());

  it('accepts 2000-02-29 and the date part of a datetime', () => {
    expect(toDayNumber('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
    expect(toDayNumber('2026-03-13T08:00:00+08:00')).toBe(Date.UTC(2026, 2, 13) / 86_400_000);
  });
});

describe('safecheck operators', () => {
  it('compares ISO dates, a datetime by its date', () => {
    expect(run({ 'date.lt': ['2026-03-01', '2026-03-13'] })).toBe(true);
    expect(run({ 'date.lte': ['2026-03-13', '2026-03-13T23:59:00Z'] })).toBe(true);
    expect(run({ 'date.gte': ['2026-03-12', '2026-03-13'] })).toBe(false);
    expect(run({ 'date.gt': ['2026-03-14', '2026-03-13'] })).toBe(true);
    expect(run({ 'date.eq': ['2026-03-13', '2026-03-13'] })).toBe(true);
    expect(run({ 'date.lt': ['2026-02-30', '2026-03-13'] })).toBeNull();
    expect(run({ 'date.lt': [null, '2026-03-13'] })).toBeNull();
  });

  it('adds days, months and years, keeping month ends', () => {
    expect(run({ 'date.add_days': ['2026-02-27', 2] })).toBe('2026-03-01');
    expect(run({ 'date.add_days': ['2024-03-01', -1] })).toBe('2024-02-29');
    expect(run({ 'date.add_months': ['2026-01-31', 1] })).toBe('2026-02-28');
    expect(run({ 'date.add_months': ['2024-01-31', 1] })).toBe('2024-02-29');
    expect(run({ 'date.add_months': ['2026-11-30', 3] })).toBe('2027-02-28');
    expect(run({ 'date.add_months': ['2026-03-15', -3] })).toBe('2025-12-15');
    expect(run({ 'date.add_years': ['2024-02-29', 1] })).toBe('2025-02-28');
    expect(run({ 'date.add_years': ['2026-02-29', 1] })).toBeNull();
  });

  it('counts days between dates across years and leap days', () => {
    expect(run({ 'date.days_between': ['2026-03-01', '2026-03-13'] })).toBe(12);
    expect(run({ 'date.days_between': ['2026-03-13', '2026-03-01'] })).toBe(-12);
    expect(run({ 'date.days_between': ['2023-12-31', '2024-12-31'] })).toBe(366);
  });

  it('never reads the clock: $date is data', () => {
    expect(
      run({ 'date.gte': [{ var: 'valid_to' }, { var: '$date' }] }, { valid_to: '2026-01-01', $date: '2025-12-31' }),
    ).toBe(true);
  });

  it('handles strings by characters, Chinese included', () => {
    expect(run({ 'str.starts_with': ['浙A12345', '浙'] })).toBe(true);
    expect(run({ 'str.ends_with': ['UN1203', '1203'] })).toBe(true);
    expect(run({ 'str.length': ['危险货物'] })).toBe(4);
    expect(run({ 'str.length': ['𠮷野家'] })).toBe(3);
    expect(run({ 'str.starts_with': [null, 'x'] })).toBeNull();
  });

  it('matches hazard classes and divisions hierarchically', () => {
    expect(run({ 'code.covers': [['2'], '2.1'] })).toBe(true);
    expect(run({ 'code.covers': [['2.1'], '2.3'] })).toBe(false);
    expect(run({ 'code.covers': [['3'], '2.1'] })).toBe(false);
    expect(run({ 'code.covers': [['2.1', '3'], '3'] })).toBe(true);
    expect(run({ 'code.covers': [['1'], '1.4'] })).toBe(true);
    expect(run({ 'code.covers': [['1'], '11'] })).toBe(false);
  });

  it('works on lists of codes', () => {
    expect(run({ 'list.all_in': [['UN1203'], ['UN1203', 'UN1230']] })).toBe(true);
    expect(run({ 'list.any_in': [['UN1090'], ['UN1203']] })).toBe(false);
    expect(run({ 'list.missing_from': [['UN1090', 'UN1203'], ['UN1203']] })).toEqual(['UN1090']);
    expect(run({ 'list.count': [['a', 'b', 'c']] })).toBe(3);
    expect(run({ 'list.count': [null] })).toBe(0);
  });

  it('converts gas concentrations: chlorine 1 mg/m³ is about 0.34 ppm, 1 ppm about 2.95 mg/m³', () => {
    expect(run({ 'num.round': [{ 'unit.mg_m3_to_ppm': [1, 70.906] }, 3] })).toBe(0.339);
    expect(run({ 'num.round': [{ 'unit.mg_m3_to_ppm': [1, 70.906, 25] }, 3] })).toBe(0.345);
    expect(run({ 'num.round': [{ 'unit.ppm_to_mg_m3': [1, 70.906] }, 2] })).toBe(2.95);
    expect(run({ '<=': [{ 'unit.ppm_to_mg_m3': [1, 70.906] }, 1] })).toBe(false);
    expect(run({ 'unit.ppm_to_mg_m3': [1, 0] })).toBeNull();
  });

  it('converts linear units and refuses mixed dimensions', () => {
    expect(run({ 'unit.convert': [26000, 'kg', 't'] })).toBe(26);
    expect(run({ 'unit.convert': [90, 'min', 'h'] })).toBe(1.5);
    expect(run({ 'unit.convert': [0.3, '%', 'ppm'] })).toBe(3000);
    expect(run({ 'unit.convert': [1, 'kg', 'm'] })).toBeNull();
    expect(run({ 'unit.convert': [1, 'kg', 'constructor'] })).toBeNull();
  });

  it('rounds half away from zero without binary drift', () => {
    expect(run({ 'num.round': [1.005, 2] })).toBe(1.01);
    expect(run({ 'num.round': [-2.5] })).toBe(-3);
    expect(run({ 'num.round': [{ '+': [0.1, 0.2] }, 10] })).toBe(0.3);
  });

  it('prints nothing for log', () => {
    expect(run({ log: ['quiet'] })).toBe('quiet');
  });
});

describe('compiled forms agree with the operators they stand for', () => {
  it('gives a fresh array each time: a caller changing one changes no later result', () => {
    const shared = ['a', 'b'];
    const rules: unknown[] = [
      ['a', 'b'],
      { if: [true, ['a', 'b'], []] },
      { merge: [['a'], ['b']] },
      { log: [['a', 'b']] },
      { '??': [null, ['a', 'b']] },
      { map: [['a', 'b'], { var: '' }] },
      { filter: [['a', 'b'], true] },
      { reduce: [[], { var: 'accumulator' }, ['a', 'b']] },
      { 'list.missing_from': [['a', 'b'], []] },
    ];
    for (const rule of rules) {
      const f = compileLogic(rule);
      const first = f(null) as unknown[];
      expect(first, JSON.stringify(rule)).toEqual(['a', 'b']);
      expect(Object.isFrozen(first)).toBe(false);
      first.push('changed');
      expect(f(null), JSON.stringify(rule)).toEqual(['a', 'b']);
    }
    // The iteration's list handed to its body (val climbing to the iterator) is fresh too.
    const climb = compileLogic({ map: [[1, 2], { val: [[1], 'iterator'] }] });
    const lists = climb(null) as unknown[][];
    lists[0]!.push(3);
    expect(climb(null)).toEqual([
      [1, 2],
      [1, 2],
    ]);
    // One array object written twice in a rule is two arrays, as when each is built afresh.
    expect(compileLogic({ '===': [shared, shared] })(null)).toBe(false);
    expect(compileLogic({ '==': [shared, 'a,b'] })(null)).toBe(true);
  });

  it('list.any_in and list.all_in against constant lists, either side', () => {
    const any = eagerOperator('list.any_in')!;
    const all = eagerOperator('list.all_in')!;
    // eslint-disable-next-line no-sparse-arrays -- a hole: every() skips it, includes() sees undefined
    const values: unknown[] = [[], ['a'], ['b', 'z'], ['z'], [1, '1'], [null], 'a', null, 3, [, 'a'], [undefined]];
    const constants: unknown[][] = [[], ['a'], ['a', 'b', 1], [null, 'z']];
    for (const k of constants)
      for (const v of values) {
        const data = { v };
        for (const [op, fn] of [
          ['list.any_in', any],
          ['list.all_in', all],
        ] as const) {
          const label = JSON.stringify([op, k, v]);
          expect(compileLogic({ [op]: [{ var: 'v' }, k] })(data), label).toBe(fn([v, k]));
          expect(compileLogic({ [op]: [k, { var: 'v' }] })(data), label).toBe(fn([k, v]));
        }
      }
  });

  it('date arithmetic that leaves the years 0000–9999 gives null, never a date no rule can read', () => {
    for (const [op, n] of [
      ['date.add_days', 1e20],
      ['date.add_days', 1],
      ['date.add_months', 1e12],
      ['date.add_years', 1],
    ] as const) {
      expect(run({ [op]: ['9999-12-31', n] }), `${op} ${n}`).toBeNull();
      expect(run({ [op]: [{ var: 'd' }, { var: 'n' }] }, { d: '9999-12-31', n }), `${op} ${n}`).toBeNull();
    }
    expect(run({ 'date.add_days': ['0000-01-01', -1] })).toBeNull();
    expect(run({ 'date.add_days': ['9999-12-30', 1] })).toBe('9999-12-31');
  });

  it('date arithmetic by a constant, done on day numbers, agrees with the operators on strings', () => {
    const dates = [
      '2024-02-29',
      '2026-01-31',
      '2026-12-31',
      '2026-03-13T08:00:00Z',
      '0000-01-01',
      '0000-03-31',
      '9999-12-31',
      '9998-12-31',
      '2026-02-30',
      'x',
      null,
      7,
    ];
    const steps = [0, 1, -1, 12, -12, 13, 59, 0.5, 2.5, 1e6, -1e6];
    const tests = ['date.lt', 'date.lte', 'date.gt', 'date.gte', 'date.eq', 'date.days_between'];
    for (const a of dates)
      for (const n of steps)
        for (const [add, ref] of [
          ['date.add_days', (x: unknown) => addDays(x, n)],
          ['date.add_months', (x: unknown) => addMonths(x, n)],
          ['date.add_years', (x: unknown) => addMonths(x, n * 12)],
        ] as const)
          for (const op of tests)
            for (const b of ['2026-06-30', '0001-01-01', null]) {
              const fused = compileLogic({ [op]: [{ [add]: [{ var: 'a' }, n] }, { var: 'b' }] });
              const flipped = compileLogic({ [op]: [{ var: 'b' }, { [add]: [{ [add]: [{ var: 'a' }, n] }, n] }] });
              const label = JSON.stringify([op, add, a, n, b]);
              expect(fused({ a, b }), label).toBe(eagerOperator(op)!([ref(a), b]));
              expect(flipped({ a, b }), label).toBe(eagerOperator(op)!([b, ref(ref(a))]));
            }
  });
});
