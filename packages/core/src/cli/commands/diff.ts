// `safecheck diff <old> <new>`.
import { diffRulesets, formatPath, type ChangeLevel } from '../../index.js';
import type { Context } from '../context.js';
import { formatIssue, loadRuleset } from '../files.js';
import { EXIT } from '../io.js';

/** Prints what changed between two versions and whether the version moved enough. */
export async function diff(ctx: Context): Promise<number> {
  const { say } = ctx;
  if (ctx.args.length !== 2)
    return ctx.usage('用法：safecheck diff <旧版本文件> <新版本文件>', 'usage: safecheck diff <old file> <new file>');
  const options = ctx.options.rulesets ? { rulesets: ctx.options.rulesets } : {};
  const [a, b] = ctx.args.map((f) => loadRuleset(ctx.io, f, options));
  const broken = [a!, b!].flatMap((l) => (l.ruleset ? [] : l.issues));
  if (broken.length > 0) {
    await ctx.err(`${broken.map((i) => formatIssue(i, say)).join('\n')}\n`);
    return EXIT.input;
  }
  const d = diffRulesets(a!.ruleset!, b!.ruleset!);
  if (ctx.options.json) {
    await ctx.out(`${JSON.stringify(d, null, 2)}\n`);
    return d.issues.length > 0 ? EXIT.findings : EXIT.ok;
  }
  const level: Record<ChangeLevel | 'none', string> = {
    major: say('主版本', 'major'),
    minor: say('次版本', 'minor'),
    patch: say('修订', 'patch'),
    none: say('无', 'none'),
  };
  const width = Math.max(...Object.values(level).map((x) => x.length));
  const lines = [`${d.from.id} ${d.from.version} → ${d.to.id} ${d.to.version}`];
  if (d.changes.length === 0) lines.push(say('  没有变化', '  no changes'));
  for (const c of d.changes) {
    lines.push(`  [${level[c.level].padEnd(width)}]  ${say(c.message['zh-CN'], c.message.en)}  ${formatPath(c.path)}`);
  }
  const actual =
    d.actual === 'downgrade'
      ? say('降级', 'a downgrade')
      : d.actual === 'none'
        ? say('未变', 'unchanged')
        : d.actual === 'prerelease'
          ? say('预发布', 'pre-release')
          : level[d.actual];
  lines.push(
    say(
      `变更至少需要：${level[d.required]}；版本号实际变化：${actual}`,
      `the changes need at least: ${level[d.required]}; the version moved: ${actual}`,
    ),
  );
  for (const i of d.issues) lines.push(`${say('✗ ', '✗ ')}${say(i.message['zh-CN'], i.message.en)}`);
  if (d.issues.length === 0) lines.push(say('✓ 版本号升级足够', '✓ the version moved enough'));
  await ctx.out(`${lines.join('\n')}\n`);
  return d.issues.length > 0 ? EXIT.findings : EXIT.ok;
}
