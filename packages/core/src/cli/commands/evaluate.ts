// `safecheck evaluate <ruleset> <answers>`.
import { evaluate as evaluateAnswers, pickVersion } from '../../index.js';
import type { Context } from '../context.js';
import { formatIssue, openRuleset } from '../files.js';
import { EXIT } from '../io.js';
import { renderReport } from '../render.js';
import { dateIssues, mismatches, readAnswers } from './answers.js';

/** Evaluates one set of answers and prints the report. */
export async function evaluate(ctx: Context, date: string | undefined, at: string | undefined): Promise<number> {
  const { say } = ctx;
  if (ctx.args.length !== 2)
    return ctx.usage(
      '用法：safecheck evaluate <规则集> <答案文件>',
      'usage: safecheck evaluate <ruleset> <answers file>',
    );
  const saved = await readAnswers(ctx, ctx.args[1]!);
  if ('issue' in saved) {
    await ctx.err(`${formatIssue(saved.issue, say)}\n`);
    return EXIT.input;
  }
  // What the answers file says wrong, all of it at once (exit 3, like any unusable input).
  const wrong = dateIssues(saved);
  const refuse = async () => {
    await ctx.err(`${wrong.map((issue) => formatIssue({ file: ctx.args[1]!, issue }, say)).join('\n')}\n`);
    return EXIT.input;
  };
  const when = date ?? saved.date;
  const opened = openRuleset(ctx.io, ctx.args[0]!, at, ctx.options.rulesets ? { rulesets: ctx.options.rulesets } : {});
  if (!opened.ok) {
    await ctx.err(`${opened.issues.map((i) => formatIssue(i, say)).join('\n')}\n`);
    return EXIT.input;
  }
  let ruleset = opened.rulesets[0]!;
  // A directory's version is the one in force on the date, even when it holds one version.
  if (opened.byDate && (when !== undefined || opened.rulesets.length > 1)) {
    if (when === undefined && wrong.length > 0) return refuse();
    if (when === undefined)
      return ctx.usage(
        '目录中有多个版本：请用 --at 或 --date 给出日期',
        'the directory holds several versions: give a date with --at or --date',
      );
    const pick = pickVersion(opened.rulesets, when);
    if (!pick.success) {
      await ctx.err(`${pick.issues.map((issue) => formatIssue({ file: ctx.args[0]!, issue }, say)).join('\n')}\n`);
      return EXIT.input;
    }
    ruleset = pick.ruleset;
  }
  wrong.push(...mismatches(saved.wrapper, ruleset, 'answers'));
  if (wrong.length > 0) return refuse();
  const report = evaluateAnswers(ruleset, saved.answers, when !== undefined ? { date: when } : {});
  await ctx.out(ctx.options.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report, ruleset, ctx.locale));
  return report.outcome === 'pass' ? EXIT.ok : EXIT.findings;
}
