// `safecheck compose <file>` and `safecheck versions <directory>`.
import { compareVersions, pickVersion } from '../../index.js';
import type { Context } from '../context.js';
import { formatIssue, loadRuleset, loadVersions } from '../files.js';
import { EXIT } from '../io.js';

/** Prints the composed ruleset of a file that extends another. */
export async function compose(ctx: Context): Promise<number> {
  const { say } = ctx;
  if (ctx.args.length !== 1) return ctx.usage('用法：safecheck compose <文件>', 'usage: safecheck compose <file>');
  const loaded = loadRuleset(ctx.io, ctx.args[0]!, ctx.options.rulesets ? { rulesets: ctx.options.rulesets } : {});
  if (!loaded.ruleset) {
    await ctx.err(`${loaded.issues.map((i) => formatIssue(i, say)).join('\n')}\n`);
    return EXIT.input;
  }
  const json = loaded.composed ?? loaded.ruleset;
  await ctx.out(`${JSON.stringify(json, null, 2)}\n`);
  const notes = loaded.issues.map((i) => formatIssue(i, say));
  const pruned = loaded.pruned;
  if (pruned && pruned.fields.length > 0)
    notes.push(
      say(
        `仅被删除项使用、已略去的字段：${pruned.fields.join('、')}`,
        `fields only removed items used, left out: ${pruned.fields.join(', ')}`,
      ),
    );
  if (pruned && pruned.sections.length > 0)
    notes.push(
      say(
        `已空、已略去的分组：${pruned.sections.join('、')}`,
        `sections left empty, left out: ${pruned.sections.join(', ')}`,
      ),
    );
  if (notes.length > 0) await ctx.err(`${notes.join('\n')}\n`);
  return EXIT.ok;
}

/** Lists the versions side by side in a directory, and the one in force on `--at`. */
export async function versions(ctx: Context, at: string | undefined): Promise<number> {
  const { say } = ctx;
  if (ctx.args.length !== 1)
    return ctx.usage('用法：safecheck versions <目录>', 'usage: safecheck versions <directory>');
  const loaded = loadVersions(ctx.io, ctx.args[0]!, ctx.options.rulesets ? { rulesets: ctx.options.rulesets } : {});
  const broken = loaded.flatMap((l) => (l.ruleset ? [] : l.issues));
  if (broken.length > 0) {
    await ctx.err(`${broken.map((i) => formatIssue(i, say)).join('\n')}\n`);
    return EXIT.input;
  }
  const rulesets = loaded.map((l) => l.ruleset!).sort((a, b) => compareVersions(a.version, b.version));
  const pick = at !== undefined ? pickVersion(rulesets, at) : undefined;
  const chosen = pick?.success ? pick.ruleset.version : undefined;
  if (ctx.options.json) {
    const list = rulesets.map((r) => ({
      id: r.id,
      version: r.version,
      validFrom: r.validFrom,
      validTo: r.validTo ?? null,
    }));
    await ctx.out(
      `${JSON.stringify({ versions: list, ...(at !== undefined ? { at, inForce: chosen ?? null } : {}) }, null, 2)}\n`,
    );
  } else {
    const lines = rulesets.map(
      (r) =>
        `${r.version === chosen ? '→' : ' '} ${r.id} ${r.version}  ${r.validFrom} – ${r.validTo ?? say('（至今）', '(open)')}`,
    );
    if (pick && !pick.success) lines.push(...pick.issues.map((i) => say(i.message['zh-CN'], i.message.en)));
    await ctx.out(`${lines.join('\n')}\n`);
  }
  return pick && !pick.success ? EXIT.input : EXIT.ok;
}
