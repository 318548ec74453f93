import type { Locale } from '../index.js';

const ZH = `safecheck — 规则集专家和批量评估用的命令行工具

用法：safecheck <命令> [选项] [参数…]

命令：
  validate <文件…>              检查规则集：每个问题给出文件、行列、JSON 路径、代码和说明；
                                若旁边有 <版本>.cases.json，同时运行其中的案例
  lint <文件…>                  找出能解析但可能有误之处：永不适用的检查项、永远通过或永远不通过的
                                check、无人使用的字段、未翻译的文本、没有条款的依据；统计未核实条文
  diff <旧> <新>                比较两个版本：新增、删除、改名、改写、规则修改、计分修改，
                                以及版本号是否升级足够（语义化版本）
  migrate --to <新> <答案>      把保存的答案转到新版本；每个删除、改名、失效的答案都会列出
  evaluate <规则集> <答案>      评估答案，输出可读报告（--json 输出 JSON）
  batch <规则集>                从标准输入逐行读取记录（NDJSON），向标准输出逐行写出报告，
                                内存占用恒定；结束时在标准错误输出汇总
  compose <文件>                合成扩展另一规则集的规则集（extends），输出完整的规则集
  versions <目录>               列出一个规则集并列存放的各版本及其有效期

<规则集> 可以是文件，也可以是目录 rulesets/<id>/（此时按日期选择有效版本）。
<答案> 是 JSON 对象：答案本身，或 {"date": "…", "answers": {…}}；"-" 表示标准输入。

选项：
  --locale zh-CN|en     输出语言（默认 zh-CN）
  --json                输出 JSON 而非文本
  --date <日期>         评估日期 YYYY-MM-DD（规则中的 $date）；"today" 表示今天
  --at <日期>           使用该日期有效的规则集版本（查找同一目录下的各版本）
  --to <文件>           migrate：目标版本
  --from <文件>         migrate：答案保存时的版本（默认按答案中的 ruleset/version 查找）
  --rename <旧=新>      migrate：指定改名（可多次）
  --compact             batch：每条记录只输出结论、得分、分级和各项状态
  --rulesets <目录>     被扩展规则集的查找目录（默认：文件所在目录的上一级）
  --no-cases            validate：不运行案例
  -h, --help            显示帮助
  -v, --version         显示版本

批量记录：每行一个 JSON 对象，答案本身，或 {"id": …, "date": "…", "answers": {…}}。
有误的记录（不是 JSON、不是对象、写明了别的规则集或版本、没有有效版本）输出
{"line": n, "issues": […]} 并在标准错误报告行号，批处理继续。记录只在换行（\\n 或 \\r\\n）处结束。
标准错误是终端时显示进度。

退出状态：
  0  完成；evaluate 的结论为通过
  1  完成但有问题：validate 有错误，lint 有发现，diff 版本号升级不够，migrate 有答案未能转入，
     evaluate 结论为不通过或信息不全，batch 有错误记录
  2  用法错误：未知的命令或选项，缺少参数
  3  输入无法使用：文件无法读取或不是 JSON，规则集无效，该日期没有有效版本，
     答案写明了别的规则集或版本，答案的日期不是文本
  4  内部错误（请报告）
`;

const EN = `safecheck — command-line tools for ruleset experts and batch jobs

Usage: safecheck <command> [options] [arguments…]

Commands:
  validate <files…>             check rulesets: every issue with file, line, column, JSON path, code
                                and message; runs the worked cases in <version>.cases.json beside
  lint <files…>                 what parses but is probably wrong: items that never apply, checks that
                                always pass or always fail, unused fields, untranslated texts, bases
                                without a clause; counts the unverified items
  diff <old> <new>              what changed between two versions (added, removed, renamed, reworded,
                                logic, scoring) and whether the version moved enough (semver)
  migrate --to <new> <answers>  carry saved answers to a new version; every dropped, renamed or
                                invalid answer is listed
  evaluate <ruleset> <answers>  the report as readable text (--json for JSON)
  batch <ruleset>               NDJSON records on stdin, one report per line on stdout, in constant
                                memory; a summary on stderr at the end
  compose <file>                compose a ruleset that extends another; prints the full ruleset
  versions <directory>          list the versions of a ruleset side by side, with their validity

<ruleset> is a file, or a directory rulesets/<id>/ (the version in force on the date is used).
<answers> is a JSON object: the answers, or {"date": "…", "answers": {…}}; "-" reads stdin.

Options:
  --locale zh-CN|en     language of the output (default zh-CN)
  --json                JSON instead of text
  --date <date>         evaluation date YYYY-MM-DD ($date in rules); "today" for today
  --at <date>           use the version in force on that date (looks beside the ruleset file)
  --to <file>           migrate: the target version
  --from <file>         migrate: the version the answers were saved under (default: found from
                        the answers' ruleset and version)
  --rename <old=new>    migrate: a rename to apply (repeatable)
  --compact             batch: only outcome, score, band and item statuses per record
  --rulesets <dir>      where bases of "extends" are found (default: the parent of the file's folder)
  --no-cases            validate: do not run the worked cases
  -h, --help            this help
  -v, --version         the version

Batch records: one JSON object per line, the answers or {"id": …, "date": "…", "answers": {…}}.
A bad record (not JSON, not an object, naming another ruleset or version, no version in force)
gives {"line": n, "issues": […]} and a message with its line number on stderr; the batch goes on.
A record ends at a line feed (\\n or \\r\\n) only. Progress shows when stderr is a terminal.

Exit status:
  0  done; for evaluate, the outcome is pass
  1  done, with findings: validate found errors, lint found something, diff says the version did not
     move enough, migrate could not carry an answer, evaluate gave fail or incomplete, batch met bad
     records
  2  usage: unknown command or option, missing argument
  3  input unusable: a file cannot be read or is not JSON, a ruleset is invalid, no version in force,
     answers saved under another ruleset or version, or with a date that is not text
  4  internal error (please report it)
`;

/** The help text. */
export const help = (locale: Locale): string => (locale === 'en' ? EN : ZH);
