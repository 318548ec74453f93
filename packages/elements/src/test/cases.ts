/** The answers and date of a worked case, with `extends` resolved. */
export async function caseOf(path: string, id: string): Promise<{ answers: Record<string, unknown>; date: string }> {
  const response = await fetch(`/rulesets/${path}`);
  const file = (await response.json()) as {
    cases: { id: string; extends?: string; date?: string; answers?: Record<string, unknown> }[];
  };
  const byId = new Map(file.cases.map((c) => [c.id, c]));
  const resolve = (cid: string, depth = 0): { answers: Record<string, unknown>; date: string } => {
    const c = byId.get(cid);
    if (!c) throw new Error(`no case ${cid} in ${path}`);
    const base = c.extends && depth < 16 ? resolve(c.extends, depth + 1) : { answers: {}, date: '' };
    return { answers: { ...base.answers, ...(c.answers ?? {}) }, date: c.date ?? base.date };
  };
  return resolve(id);
}
