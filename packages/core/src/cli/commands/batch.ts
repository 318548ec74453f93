// `safecheck batch <ruleset> < records.ndjson > reports.ndjson`.
import type { Context } from '../context.js';
import { formatIssue, openRuleset } from '../files.js';
import { EXIT, isTTY } from '../io.js';
import { renderSummary, runBatch } from '../batch.js';

/** Streams records through the evaluation; the summary goes to stderr at the end. */
export async function batch(ctx: Context, date: string | undefined, at: string | undefined): Promise<number> {
  const { say } = ctx;
  if (ctx.args.length !== 1)
    return ctx.usage(
      '用法：safecheck batch <规则集> < 记录.ndjson > 报告.ndjson',
      'usage: safecheck batch <ruleset> < records.ndjson > reports.ndjson',
    );
  const opened = openRuleset(ctx.io, ctx.args[0]!, at, ctx.options.rulesets ? { rulesets: ctx.options.rulesets } : {});
  if (!opened.ok) {
    await ctx.err(`${opened.issues.map((i) => formatIssue(i, say)).join('\n')}\n`);
    return EXIT.input;
  }
  if ((ctx.io.stdin as { isTTY?: boolean }).isTTY) {
    await ctx.err(
      say(
        '从标准输入读取记录，每行一个 JSON 对象；结束请按 Ctrl+D（通常用法：safecheck batch <规则集> < 记录.ndjson）\n',
        'reading records from stdin, one JSON object per line; end with Ctrl+D (usually: safecheck batch <ruleset> < records.ndjson)\n',
      ),
    );
  }
  const summary = await runBatch(ctx.io.stdin, ctx.io.stdout, ctx.io.stderr, {
    rulesets: opened.rulesets,
    byDate: opened.byDate,
    ...(date !== undefined ? { date } : {}),
    ...(at !== undefined ? { at } : {}),
    compact: ctx.options.compact === true,
    locale: ctx.locale,
    progress: isTTY(ctx.io.stderr),
  });
  await ctx.err(ctx.options.json ? `${JSON.stringify(summary)}\n` : renderSummary(summary, ctx.locale));
  return summary.bad > 0 ? EXIT.findings : EXIT.ok;
}
