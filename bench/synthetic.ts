// A synthetic ruleset of the checklist's shape: 418 items in nine sections, an enterprise
// profile deciding applicability, judgment items and computed items over numbers and dates.
// Used until the real checklist exists, and by the benchmarks to vary the size.

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const basis = [{ document: t('合成规则', 'synthetic rule'), status: 'unverified' }];

export function syntheticRuleset(items = 418): Record<string, unknown> {
  const sections = [{ id: 'profile', title: t('企业基本情况', 'Profile') }];
  for (let a = 1; a <= 9; a++) sections.push({ id: `area-${a}`, title: t(`第${a}部分`, `Area ${a}`) });
  const fields: Record<string, unknown>[] = [];
  for (let p = 0; p < 30; p++)
    fields.push({ id: `profile.p${p}`, section: 'profile', type: 'boolean', label: t(`情况${p}`, `fact ${p}`) });
  fields.push({
    id: 'profile.level',
    section: 'profile',
    type: 'choice',
    label: t('重大危险源等级', 'major hazard level'),
    options: ['none', '1', '2', '3', '4'].map((v) => ({ value: v, label: t(v, v) })),
  });
  const list: Record<string, unknown>[] = [];
  for (let i = 0; i < items; i++) {
    const area = 1 + Math.floor((i * 9) / items);
    const id = `syn.${area}.${String(i).padStart(3, '0')}`;
    const applies =
      i % 3 === 0
        ? undefined
        : i % 3 === 1
          ? { var: `profile.p${i % 30}` }
          : { and: [{ var: `profile.p${i % 30}` }, { '!=': [{ var: 'profile.level' }, 'none'] }] };
    const base = {
      id,
      section: `area-${area}`,
      title: t(`检查项 ${id}`, `item ${id}`),
      severity: i % 20 === 0 ? 'major' : 'general',
      guidance: t('整改', 'rectify'),
      basis,
      provenance: 'unverified',
      ...(applies ? { appliesWhen: applies } : {}),
    };
    if (i % 5 !== 0) {
      list.push({ ...base, judgment: true });
      continue;
    }
    const n = `m.n${i}`;
    const d = `m.d${i}`;
    fields.push({
      id: n,
      section: `area-${area}`,
      type: 'number',
      unit: 'ppm',
      min: 0,
      label: t(`测量值${i}`, `reading ${i}`),
    });
    fields.push({ id: d, section: `area-${area}`, type: 'date', label: t(`检验有效期${i}`, `valid to ${i}`) });
    const check =
      i % 2 === 0
        ? { and: [{ '<=': [{ var: n }, 25] }, { 'date.gte': [{ var: d }, { var: '$date' }] }] }
        : {
            or: [
              { '<=': [{ 'unit.ppm_to_mg_m3': [{ var: n }, 70.906] }, 30] },
              { '<': [{ 'date.days_between': [{ var: '$date' }, { var: d }] }, 365] },
            ],
          };
    list.push({ ...base, check, explain: [{ text: t(`读数 {${n}}`, `reading {${n}}`) }] });
  }
  return {
    id: 'synthetic',
    version: '1.0.0',
    dialect: 1,
    validFrom: '2020-01-01',
    changelog: [{ version: '1.0.0', date: '2026-11-29', changes: t('合成', 'synthetic') }],
    title: t('合成清单', 'Synthetic checklist'),
    basis,
    sections,
    fields,
    items: list,
  };
}
