import { parseRuleset, type Ruleset } from '../packages/core/src/index.js';

export const t = (zh: string, en: string = zh) => ({ 'zh-CN': zh, en });
export const basis = [{ document: t('某规定', 'A regulation'), status: 'unverified' as const }];

/** An item with the keys every item needs. */
export function item(id: string, rest: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    section: 's',
    title: t(`检查 ${id}`, `check ${id}`),
    severity: 'general',
    guidance: t('整改', 'rectify'),
    basis,
    provenance: 'unverified',
    ...rest,
  };
}

/** A small valid ruleset as JSON; `patch` replaces top-level keys. */
export function rulesetJson(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test',
    version: '1.0.0',
    dialect: 1,
    validFrom: '2020-01-01',
    changelog: [{ version: '1.0.0', date: '2026-11-29', changes: t('首版', 'first') }],
    title: t('测试', 'Test'),
    basis,
    sections: [{ id: 's', title: t('分组', 'Section') }],
    fields: [
      { id: 'a', section: 's', type: 'number', label: t('数量甲', 'amount A') },
      { id: 'b', section: 's', type: 'number', label: t('数量乙', 'amount B'), required: false },
      { id: 'doc.valid_to', section: 's', type: 'date', label: t('证件有效期至', 'document valid to') },
      { id: 'flag', section: 's', type: 'boolean', label: t('是否涉及', 'involved') },
    ],
    items: [item('i1', { check: { '<=': [{ var: 'a' }, 10] } })],
    ...patch,
  };
}

/** Parses a ruleset that must be valid. */
export function ruleset(patch: Record<string, unknown> = {}): Ruleset {
  const result = parseRuleset(rulesetJson(patch));
  if (!result.success) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.ruleset;
}
