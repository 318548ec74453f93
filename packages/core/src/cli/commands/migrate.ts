// `safecheck migrate --to <new> [--from <old>] <answers>`.
import { dirname, join } from 'node:path';
import { migrateAnswers } from '../../index.js';
import type { Context } from '../context.js';
import { formatIssue, loadRuleset } from '../files.js';
import { EXIT } from '../io.js';
import { readAnswers } from './answers.js';

/** Carries saved answers to the `--to` version: the answers on stdout, every change on stderr. */
export async function migrate(ctx: Context): Promise<number> {
  const { say } = ctx;
  const to = ctx.options.to;
  if (!to || ctx.args.length !== 1) {
    return ctx.usage(
      '用法：safecheck migrate --to <新版本文件> [--from <旧版本文件>] <答案文件>',
      'usage: safecheck migrate --to <new file> [--from <old file>] <answers file>',
    );
  }
  const renames: Record<string, string> = {};
  for (const r of ctx.options.rename ?? []) {
    const [from, target, ...rest] = r.split('=');
    if (!from || !target || rest.length > 0)
      return ctx.usage(`--rename 应写作 旧id=新id：${r}`, `--rename takes old-id=new-id: ${r}`);
    renames[from] = target;
  }
  const saved = await readAnswers(ctx, ctx.args[0]!);
  if ('issue' in saved) {
    await ctx.err(`${formatIssue(saved.issue, say)}\n`);
    return EXIT.input;
  }
  const options = ctx.options.rulesets ? { rulesets: ctx.options.rulesets } : {};
  const target = loadRuleset(ctx.io, to, options);
  let fromFile = ctx.options.from;
  if (
    !fromFile &&
    saved.version !== undefined &&
    target.ruleset &&
    (saved.ruleset ?? target.ruleset.id) === target.ruleset.id
  ) {
    fromFile = join(dirname(to), `${saved.version}.json`);
  }
  if (!fromFile) {
    return ctx.usage(
      '无法得知答案保存时的版本：请用 --from 指定，或在答案中写 {"ruleset", "version", "answers"}',
      'cannot tell which version the answers were saved under: give --from, or save them as {"ruleset", "version", "answers"}',
    );
  }
  const source = loadRuleset(ctx.io, fromFile, options);
  const broken = [source, target].flatMap((l) => (l.ruleset ? [] : l.issues));
  if (broken.length > 0) {
    await ctx.err(`${broken.map((i) => formatIssue(i, say)).join('\n')}\n`);
    return EXIT.input;
  }
  const from = source.ruleset!;
  const into = target.ruleset!;
  const m = migrateAnswers(from, into, saved.answers, { renames });
  const answers = saved.wrapper
    ? { ...saved.wrapper, ruleset: into.id, version: into.version, answers: m.answers }
    : m.answers;
  if (ctx.options.json) {
    await ctx.out(
      `${JSON.stringify({ from: `${from.id}@${from.version}`, to: `${into.id}@${into.version}`, answers, notes: m.notes, lost: m.lost }, null, 2)}\n`,
    );
  } else {
    await ctx.out(`${JSON.stringify(answers, null, 2)}\n`);
    const mark = { renamed: '→', converted: '≈', dropped: '✗', invalid: '✗', needed: '+' } as const;
    const lines = [
      say(`${from.id} ${from.version} → ${into.version}：`, `${from.id} ${from.version} → ${into.version}:`),
    ];
    if (m.notes.length === 0) lines.push(say('  全部答案原样转入', '  every answer carried as it was'));
    for (const n of m.notes) lines.push(`  ${mark[n.kind]} ${say(n.message['zh-CN'], n.message.en)}`);
    if (m.lost)
      lines.push(
        say(
          '有答案未能转入（见 ✗），其原值如上所列',
          'some answers were not carried (✗); their values are listed above',
        ),
      );
    await ctx.err(`${lines.join('\n')}\n`);
  }
  return m.lost ? EXIT.findings : EXIT.ok;
}
