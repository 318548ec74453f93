import type { Field } from '../schema/ruleset.js';
import type { Locale } from '../text.js';

/** Formats an answer for a sentence: option labels, units, yes/no, blank. */
export function formatValue(value: unknown, locale: Locale, field?: Field): string {
  if (value === undefined || value === null || value === '') return locale === 'zh-CN' ? '（未填写）' : '(blank)';
  if (typeof value === 'boolean') return locale === 'zh-CN' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    if (value.length === 0) return locale === 'zh-CN' ? '（无）' : '(none)';
    return value.map((v) => formatValue(v, locale, field)).join(locale === 'zh-CN' ? '、' : ', ');
  }
  if (typeof value === 'number') {
    const n = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
    return field?.type === 'number' && field.unit ? `${n} ${field.unit}` : n;
  }
  if (typeof value === 'string') {
    if (field && (field.type === 'choice' || field.type === 'codes') && field.options) {
      const option = field.options.find((o) => o.value === value);
      if (option) return option.label[locale];
    }
    return value;
  }
  if (typeof value === 'object') {
    const verdict = (value as { verdict?: unknown }).verdict;
    if (typeof verdict === 'string') return verdict;
  }
  return JSON.stringify(value) ?? String(value);
}
