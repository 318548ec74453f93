/**
 * A synthetic checklist of the hazchem checklist's shape (judgment items in sections and
 * sub-sections, a few profile fields that switch items on and off), for the performance
 * benchmark and the tests while the real 418-item ruleset is being written.
 */
export function syntheticChecklist(itemCount = 418, sectionCount = 12): Record<string, unknown> {
  const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  const basis = [{ document: t('危险化学品企业安全风险隐患排查治理导则', 'Guidelines'), status: 'unverified' }];
  const sections: Record<string, unknown>[] = [{ id: 'profile', title: t('企业概况', 'Profile') }];
  for (let s = 1; s <= sectionCount; s++) {
    sections.push({ id: `s${s}`, title: t(`第 ${s} 部分`, `Part ${s}`) });
    sections.push({ id: `s${s}.a`, parent: `s${s}`, title: t(`第 ${s}.1 节`, `Part ${s}.1`) });
    sections.push({ id: `s${s}.b`, parent: `s${s}`, title: t(`第 ${s}.2 节`, `Part ${s}.2`) });
  }
  const fields = [
    { id: 'company.name', section: 'profile', type: 'text', label: t('企业名称', 'Company') },
    { id: 'company.has_tanks', section: 'profile', type: 'boolean', label: t('是否有储罐区', 'Has a tank farm') },
    {
      id: 'company.kind',
      section: 'profile',
      type: 'choice',
      label: t('企业类型', 'Kind of enterprise'),
      options: [
        { value: 'production', label: t('生产', 'production') },
        { value: 'storage', label: t('储存', 'storage') },
        { value: 'use', label: t('使用', 'use') },
      ],
    },
  ];
  const items: Record<string, unknown>[] = [];
  for (let i = 1; i <= itemCount; i++) {
    const s = ((i - 1) % sectionCount) + 1;
    const sub = i % 2 === 0 ? 'a' : 'b';
    items.push({
      id: `syn-${i}`,
      section: `s${s}.${sub}`,
      title: t(
        `第 ${i} 项：检查安全设施是否完好有效，台账记录是否齐全`,
        `Item ${i}: safety devices work and records are complete`,
      ),
      judgment: true,
      severity: i % 10 === 0 ? 'major' : 'general',
      ...(i % 40 === 0 ? { majorHazard: 'mh-1' } : {}),
      ...(i % 7 === 0 ? { appliesWhen: { '===': [{ var: 'company.has_tanks' }, true] } } : {}),
      guidance: t('立即整改，落实责任人和期限。', 'Rectify now, with a person and a deadline.'),
      basis,
      provenance: i % 3 === 0 ? 'verified' : 'unverified',
    });
  }
  return {
    id: 'synthetic-checklist',
    version: '0.0.1',
    dialect: 1,
    validFrom: '2026-01-01',
    changelog: [{ version: '0.0.1', date: '2026-01-01', changes: t('合成', 'synthetic') }],
    title: t(`合成检查表（${itemCount} 项）`, `Synthetic checklist (${itemCount} items)`),
    basis,
    criteria: [{ id: 'mh-1', title: t('重大隐患判定标准第一条', 'Major hazard criterion 1') }],
    sections,
    fields,
    items,
  };
}
