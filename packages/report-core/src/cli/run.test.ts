import { describe, expect, it } from 'vitest';
import { defineCommand } from './command.js';
import { commands } from './commands.js';
import { EXIT } from './io.js';
import { memoryIo } from './memory-io.js';
import { runCli } from './run.js';
import { z } from 'zod';

const HAN = /[\u4e00-\u9fff]/u;

describe('runCli', () => {
  it('prints the list of commands for --help and exits 0', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(EXIT.ok);
    for (const c of commands) expect(io.stdout()).toContain(`  ${c.name}`);
    expect(io.stdout()).toContain('退出码 (exit codes)');
  });

  it('issue 16: prints the same list to stderr (a diagnostic) and exits 2 when no command is given', async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(EXIT.usage);
    expect(io.stderr()).toContain('命令 (commands):');
    expect(io.stdout()).toBe('');
  });

  it('gives every command a --help in Chinese and English, exit 0', async () => {
    for (const c of commands) {
      const io = memoryIo();
      expect(await runCli([c.name, '--help'], io)).toBe(EXIT.ok);
      const help = io.stdout();
      expect(help).toContain(`report-core ${c.name}`);
      expect(help).toMatch(HAN);
      expect(help).toContain(c.summary.en);
      expect(help).toContain('-h, --help');
      expect(io.stderr()).toBe('');
    }
  });

  it('answers an unknown command with a usage error, exit 2', async () => {
    const io = memoryIo();
    expect(await runCli(['valdate'], io)).toBe(EXIT.usage);
    expect(io.stderr()).toContain('未知命令 valdate');
    expect(io.stderr()).toContain('unknown command valdate');
    expect(io.stdout()).toBe('');
  });

  it('answers an unknown option with a usage error naming it, exit 2', async () => {
    const io = memoryIo();
    expect(await runCli(['stats', '--jsn'], io)).toBe(EXIT.usage);
    expect(io.stderr()).toContain('用法错误 (usage error): 未知选项 --jsn (unknown option --jsn)');
    expect(io.stderr()).toContain('report-core stats --help');
  });

  it('reports a bug in a command in one line, without a stack, exit 1', async () => {
    const broken = defineCommand({
      name: 'broken',
      usage: ['broken'],
      summary: { zh: '出错', en: 'Fails' },
      details: { zh: '总是抛出异常。', en: 'Always throws.' },
      options: [],
      args: z.object({ positionals: z.array(z.string()) }),
      run: () => {
        throw new Error('boom');
      },
    });
    const io = memoryIo();
    expect(await runCli(['broken'], io, [broken])).toBe(EXIT.invalid);
    expect(io.stderr()).toBe('内部错误，请报告此问题 (internal error, please report it): boom\n');
  });
});
