/** A worked case as the cases files write it. */
export interface WorkedCase {
  id: string;
  extends?: string;
  date?: string;
  defaultJudgment?: string;
  answers?: Record<string, unknown>;
  expect: { outcome?: string; items?: Record<string, string>; band?: string };
}

/** Every case of a cases file, with `extends` and `defaultJudgment` resolved against the ruleset. */
export async function allCases(
  path: string,
  judgmentItems: readonly string[],
): Promise<{ case: WorkedCase; answers: Record<string, unknown>; date: string }[]> {
  const file = (await (await fetch(`/rulesets/${path}`)).json()) as { cases: WorkedCase[] };
  const byId = new Map(file.cases.map((c) => [c.id, c]));
  const resolve = (c: WorkedCase, depth = 0): { answers: Record<string, unknown>; date: string; dj?: string } => {
    const base = c.extends && depth < 16 ? resolve(byId.get(c.extends)!, depth + 1) : { answers: {}, date: '' };
    const dj = c.defaultJudgment ?? (base as { dj?: string }).dj;
    return { answers: { ...base.answers, ...(c.answers ?? {}) }, date: c.date ?? base.date, ...(dj ? { dj } : {}) };
  };
  return file.cases.map((c) => {
    const r = resolve(c);
    const answers = { ...r.answers };
    if (r.dj) for (const id of judgmentItems) if (!(id in answers)) answers[id] = r.dj;
    return { case: c, answers, date: r.date };
  });
}

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
