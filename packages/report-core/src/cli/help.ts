import type { Message } from '../model/index.js';
import type { OptionSpec } from './args.js';
import { displayWidth, padDisplay } from './text-width.js';

interface HelpSource {
  name: string;
  usage: string[];
  summary: Message;
  details: Message;
  options: OptionSpec[];
}

const EXIT_CODES =
  '退出码 (exit codes): 0 成功 (ok), 1 输入或报告无效 (invalid input or report), 2 用法错误 (usage error)';

function optionLabel(o: OptionSpec): string {
  const long = o.type === 'string' ? `--${o.name} <${o.value ?? 'value'}>` : `--${o.name}`;
  return o.short === undefined ? `    ${long}` : `-${o.short}, ${long}`;
}

/** Two columns, the left padded to its longest entry. */
function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => displayWidth(left)));
  return rows.map(([left, right]) => `  ${padDisplay(left, width)}  ${right}`);
}

/** `report-core <command> --help`: usage, what it does in Chinese then English, options, exit codes. */
export function formatCommandHelp(c: HelpSource): string {
  const lines = [
    '用法 (usage):',
    ...c.usage.map((u) => `  report-core ${u}`),
    '',
    `${c.summary.zh}。${c.details.zh}`,
    `${c.summary.en}. ${c.details.en}`,
    '',
    '选项 (options):',
    ...columns(c.options.map((o) => [optionLabel(o), `${o.help.zh} (${o.help.en})`])),
    '',
    EXIT_CODES,
  ];
  return `${lines.join('\n')}\n`;
}

/** `report-core --help`: every command with its one-line summary. */
export function formatMainHelp(commands: readonly { name: string; summary: Message }[]): string {
  const lines = [
    'report-core — 乐山市政府工作报告（2022–2026）数据工具',
    'report-core — tools for the Leshan government work report data (2022–2026)',
    '',
    '用法 (usage): report-core <命令 command> [参数 arguments] [选项 options]',
    '',
    '命令 (commands):',
    ...columns(commands.map((c) => [c.name, `${c.summary.zh} (${c.summary.en})`])),
    '',
    '每个命令的帮助 (help for one command): report-core <command> --help',
    '版本 (version): report-core --version',
    '文件参数写 - 表示标准输入 (a file argument of - reads standard input); 结果写到标准输出，问题和说明写到标准错误 (results go to stdout, problems and notes to stderr); 每个命令都接受 --json (every command takes --json)',
    EXIT_CODES,
  ];
  return `${lines.join('\n')}\n`;
}
