import { describe, expect, it } from 'vitest';
import { ruleset, rulesetJson, t } from '../../../../test/fixtures.js';
import { checkFieldAnswer } from './answers.js';

describe('checkFieldAnswer: lists of codes', () => {
  const r = ruleset({
    fields: [
      ...(rulesetJson().fields as object[]),
      {
        id: 'media',
        section: 's',
        type: 'codes',
        label: t('介质', 'media'),
        options: [
          { value: 'UN1203', label: t('汽油', 'petrol') },
          { value: 'UN1090', label: t('丙酮', 'acetone') },
        ],
      },
      { id: 'un', section: 's', type: 'codes', pattern: 'UN\\d{4}', label: t('编号', 'numbers') },
    ],
  });
  const media = r.fields.find((f) => f.id === 'media');
  const un = r.fields.find((f) => f.id === 'un');
  const message = (field: typeof media, value: unknown) => {
    const checked = checkFieldAnswer(field!, value);
    return checked.ok ? checked.value : checked.issue.message.en;
  };

  it('accepts known, well-formed codes once each, as given', () => {
    const value = ['UN1090', 'UN1203'];
    expect(message(media, value)).toBe(value);
    expect(message(un, ['UN0001'])).toEqual(['UN0001']);
    expect(message(media, [])).toEqual([]);
  });

  it('names unknown, malformed and repeated codes, unknown ones first', () => {
    expect(message(media, ['UN9999'])).toMatch(/invalid codes: UN9999$/);
    expect(message(un, ['UN12', 'UN1203'])).toMatch(/invalid codes: UN12$/);
    expect(message(media, ['UN1203', 'UN1203'])).toMatch(/repeated codes: UN1203$/);
    expect(message(media, ['UN1203', 'UN1203', 'X'])).toMatch(/invalid codes: X$/);
    expect(message(media, ['UN1203', 7])).toMatch(/expected a list of codes$/);
  });

  it('skips the holes of a sparse list, as the array methods do', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    const sparse = [, 'UN1203'];
    expect(message(media, sparse)).toBe(sparse);
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    expect(message(media, [, 'UN1203', 'UN1203'])).toMatch(/repeated codes: UN1203$/);
  });
});
