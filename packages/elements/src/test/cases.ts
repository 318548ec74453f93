import { caseAnswers, CasesFileSchema, type Case, type CasesFile, type Ruleset } from '@safecheck/core';

/** A shipped cases file, read from the test server. */
async function casesFile(path: string): Promise<CasesFile> {
  return CasesFileSchema.parse(await (await fetch(`/rulesets/${path}`)).json());
}

/** Every case of a cases file, with `extends` and `defaultJudgment` resolved by core. */
export async function allCases(
  path: string,
  ruleset: Ruleset,
): Promise<{ case: Case; answers: Record<string, unknown>; date: string | undefined }[]> {
  const file = await casesFile(path);
  return file.cases.map((c) => {
    const { answers, date } = caseAnswers(ruleset, file, c.id)!;
    return { case: c, answers, date };
  });
}

/** The answers and date of a worked case, resolved by core against the ruleset beside it. */
export async function caseOf(path: string, id: string): Promise<{ answers: Record<string, unknown>; date?: string }> {
  const file = await casesFile(path);
  const ruleset = (await (await fetch(`/rulesets/${path.replace(/\.cases\.json$/, '.json')}`)).json()) as Ruleset;
  const resolved = caseAnswers(ruleset, file, id);
  if (!resolved) throw new Error(`no case ${id} in ${path}`);
  return resolved;
}
