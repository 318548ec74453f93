import type { Issue, Locale, PathSegment } from '@safecheck/core';

/**
 * What a value handed to an element must look like, as far as the element reads it: a kind
 * (`string`, `number`, `null`, `text` for {zh-CN, en}, or a literal), kinds joined by `|`, a
 * list of one shape, or an object of shapes (a key ending in `?` is optional).
 */
export type Shape = string | readonly [Shape] | { readonly [key: string]: Shape };

interface ShapeWords {
  /** What the value at the issue's path should be (`what` from `kinds`), or that it is missing. */
  readonly expected: (what: string, missing: boolean) => string;
  readonly oneOf: (values: readonly string[]) => string;
  readonly kinds: Readonly<Record<string, string>>;
}

const WORDS: Readonly<Record<Locale, ShapeWords>> = {
  'zh-CN': {
    expected: (w, missing) => (missing ? `缺少此项，应为${w}` : `应为${w}`),
    oneOf: (v) => `${v.join('、')}之一`,
    kinds: { string: '字符串', number: '数字', text: '中英文文本', object: '对象', list: '数组' },
  },
  en: {
    expected: (w, missing) => (missing ? `missing: must be ${w}` : `must be ${w}`),
    oneOf: (v) => `one of ${v.join(', ')}`,
    kinds: { string: 'a string', number: 'a number', text: 'a text {zh-CN, en}', object: 'an object', list: 'a list' },
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Where a value departs from a shape, as core-style issues with paths into the value. */
export function shapeIssues(value: unknown, shape: Shape, path: PathSegment[] = [], out: Issue[] = []): Issue[] {
  const wrong = (expected: readonly string[]) => {
    const word = (l: Locale) => {
      const t = WORDS[l];
      const words = expected.map((k) => t.kinds[k] ?? k);
      return t.expected(words.length === 1 ? words[0]! : t.oneOf(words), value === undefined);
    };
    out.push({
      code: value === undefined ? 'missing_property' : 'invalid_type',
      path,
      message: { 'zh-CN': word('zh-CN'), en: word('en') },
      severity: 'error',
    });
  };
  if (typeof shape === 'string') {
    const kinds = shape.split('|');
    const fits = (k: string) =>
      k === 'text'
        ? isObject(value) && typeof value['zh-CN'] === 'string' && typeof value['en'] === 'string'
        : k === 'string' || k === 'number'
          ? typeof value === k
          : value === (k === 'null' ? null : k);
    if (!kinds.some(fits)) wrong(kinds);
  } else if (Array.isArray(shape)) {
    if (Array.isArray(value)) value.forEach((v, i) => shapeIssues(v, shape[0], [...path, i], out));
    else wrong(['list']);
  } else if (!isObject(value)) {
    wrong(['object']);
  } else {
    for (const [key, sub] of Object.entries(shape as Record<string, Shape>)) {
      const name = key.replace(/\?$/, '');
      if (name === key || value[name] !== undefined) shapeIssues(value[name], sub, [...path, name], out);
    }
  }
  return out;
}
