// `safecheck validate` and `safecheck lint`.
import { existsSync } from 'node:fs';
import { CasesFileSchema, runCases, type CasesFile, type Issue, type Ruleset } from '../../index.js';
import { issue } from '../../issues.js';
import { fromZod } from '../../parse.js';
import { HINTS } from '../../schema/ruleset.js';
import type { Context } from '../context.js';
import { absolute, formatIssue, issueJson, loadRuleset, readJson, readText, type FileIssue } from '../files.js';
import { EXIT } from '../io.js';
import { lintRuleset } from '../lint.js';
import { jsonPositions } from '../positions.js';

/** The result of a ruleset's worked cases. */
export interface CasesCheck {
  readonly issues: Issue[];
  readonly passed: number;
  readonly failed: number;
}

/** A case of the file as given, before zod. */
interface RawCase {
  readonly answers: object;
  readonly expect: { readonly items?: object; readonly explanations?: object };
}

/**
 * The cases with their answers as written: zod skips a record's "__proto__" key without a word,
 * and evaluate is to see (and report) such an answer as it would in answers given to it.
 */
function asWritten(file: CasesFile, raw: { cases: readonly RawCase[] }): CasesFile {
  const cases = file.cases.map((c, i) => {
    const answers = raw.cases[i]!.answers;
    return Object.hasOwn(answers, '__proto__') ? { ...c, answers: { ...answers } as Record<string, unknown> } : c;
  });
  return { ...file, cases };
}

/** Expectations keyed "__proto__", which zod skips: no item can have that id. */
function protoIds(raw: { cases: readonly RawCase[] }): Issue[] {
  return raw.cases.flatMap((c, i) =>
    (['items', 'explanations'] as const)
      .filter((key) => {
        const map = c.expect[key];
        return map !== undefined && Object.hasOwn(map, '__proto__');
      })
      .map((key) =>
        issue('invalid_format', ['cases', i, 'expect', key, '__proto__'], {
          'zh-CN': `名称“__proto__”格式不正确，应为${HINTS.id['zh-CN']}`,
          en: `the name "__proto__" has the wrong format: ${HINTS.id.en}`,
        }),
      ),
  );
}

/**
 * Checks a cases file against its ruleset: its shape, that it names the ruleset and version, and
 * that every case gives what its author expected (`case_failed`, with what differed).
 */
export function checkCases(ruleset: Ruleset, value: unknown): CasesCheck {
  const parsed = CasesFileSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return { issues: parsed.error.issues.flatMap(fromZod), passed: 0, failed: 0 };
  const file = asWritten(parsed.data, value as { cases: RawCase[] });
  const issues: Issue[] = protoIds(value as { cases: RawCase[] });
  if (file.ruleset !== ruleset.id || file.version !== ruleset.version) {
    issues.push({
      code: 'ruleset_id_mismatch',
      path: [file.ruleset !== ruleset.id ? 'ruleset' : 'version'],
      message: {
        'zh-CN': `案例文件写的是 ${file.ruleset} ${file.version}，规则集是 ${ruleset.id} ${ruleset.version}`,
        en: `the cases are for ${file.ruleset} ${file.version}, the ruleset is ${ruleset.id} ${ruleset.version}`,
      },
      severity: 'error',
    });
  }
  const results = runCases(ruleset, file);
  results.forEach((r, i) => {
    if (r.ok) return;
    issues.push({
      code: 'case_failed',
      path: ['cases', i],
      message: {
        'zh-CN': `案例“${r.id}”与预期不符：${r.failures.map((f) => f['zh-CN']).join('；')}`,
        en: `case "${r.id}" does not give what it expects: ${r.failures.map((f) => f.en).join('; ')}`,
      },
      severity: 'error',
    });
  });
  const failed = results.filter((r) => !r.ok).length;
  return { issues, passed: results.length - failed, failed };
}

interface FileReport {
  file: string;
  ok: boolean;
  items?: number;
  fields?: number;
  cases?: { file: string; passed: number; failed: number };
  unverified?: number;
}

/** `safecheck validate <files…>` (lint: false) and `safecheck lint <files…>` (lint: true). */
export async function validate(ctx: Context, lint: boolean): Promise<number> {
  const { say } = ctx;
  if (ctx.args.length === 0) return ctx.usage('请给出至少一个规则集文件', 'give at least one ruleset file');
  const all: FileIssue[] = [];
  const files: FileReport[] = [];
  // A ruleset and its cases file given together (rulesets/x/*.json) are checked once.
  const seen = new Set<string>();
  for (const arg of ctx.args) {
    const casesGiven = arg.endsWith('.cases.json');
    const rulesetFile = casesGiven ? arg.replace(/\.cases\.json$/, '.json') : arg;
    if (seen.has(rulesetFile)) continue;
    seen.add(rulesetFile);
    const loaded = loadRuleset(ctx.io, rulesetFile, ctx.options.rulesets ? { rulesets: ctx.options.rulesets } : {});
    all.push(...loaded.issues);
    const report: FileReport = { file: rulesetFile, ok: loaded.ruleset !== undefined };
    files.push(report);
    const r = loaded.ruleset;
    if (!r) continue;
    report.items = r.items.length;
    report.fields = r.fields.length;
    if (lint) {
      const found = lintRuleset(r);
      // Paths of a composed ruleset are not paths of the file: no line numbers then.
      const text = loaded.composed ? undefined : readText(ctx.io, rulesetFile);
      const at = text && 'text' in text ? jsonPositions(text.text) : undefined;
      all.push(
        ...found.issues.map((issue) => ({ file: rulesetFile, ...(at ? { position: at(issue.path) } : {}), issue })),
      );
      report.unverified = found.unverifiedItems.length;
    }
    const casesFile = rulesetFile.replace(/\.json$/, '.cases.json');
    if (!lint && !ctx.options['no-cases'] && (casesGiven || existsSync(absolute(ctx.io, casesFile)))) {
      const read = readJson(ctx.io, casesFile);
      if ('issue' in read) {
        all.push(read.issue);
        continue;
      }
      const check = checkCases(r, read.value);
      const text = readText(ctx.io, casesFile);
      const at = 'text' in text ? jsonPositions(text.text) : () => ({ line: 1, column: 1 });
      all.push(...check.issues.map((issue) => ({ file: casesFile, position: at(issue.path), issue })));
      report.cases = { file: casesFile, passed: check.passed, failed: check.failed };
    }
  }
  for (const f of files)
    f.ok = f.ok && !all.some((i) => i.file.startsWith(f.file.replace(/\.json$/, '')) && i.issue.severity === 'error');
  const errors = all.filter((i) => i.issue.severity === 'error').length;
  const warnings = all.length - errors;
  if (ctx.options.json) {
    await ctx.out(`${JSON.stringify({ files, errors, warnings, issues: all.map(issueJson) }, null, 2)}\n`);
  } else {
    const lines = all.map((i) => formatIssue(i, say));
    for (const f of files) {
      if (!f.ok || f.items === undefined) continue;
      const cases = f.cases
        ? say(
            `；案例 ${f.cases.passed}/${f.cases.passed + f.cases.failed} 通过`,
            `; ${f.cases.passed} of ${f.cases.passed + f.cases.failed} cases pass`,
          )
        : '';
      const unverified =
        f.unverified !== undefined
          ? say(`；未核实条文的检查项 ${f.unverified}/${f.items}`, `; ${f.unverified} of ${f.items} items unverified`)
          : '';
      const detail =
        say(`${f.items} 个检查项，${f.fields} 个字段`, `${f.items} items, ${f.fields} fields`) + cases + unverified;
      lines.push(`${f.file}  ${say('通过', 'ok')}${say(`（${detail}）`, ` (${detail})`)}`);
    }
    lines.push(
      say(
        `${files.length} 个文件：${errors} 个错误，${warnings} 个警告`,
        `${files.length} file${files.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
      ),
    );
    await ctx.out(`${lines.join('\n')}\n`);
  }
  if (errors > 0) return EXIT.findings;
  return lint && warnings > 0 ? EXIT.findings : EXIT.ok;
}
