import { describe, expect, it } from 'vitest';
import { canonicalReport, sourceText } from '../data/index.js';
import { commands } from './commands.js';
import { EXIT } from './io.js';
import { memoryIo } from './memory-io.js';
import { MAX_INPUT_BYTES } from './read-input.js';
import { runCli } from './run.js';

// issue 16, point 4: the CLI behaves like a Unix tool. (EPIPE and the real --version are checked
// on a real process in test/cli-process.test.ts.)
const reportJson = JSON.stringify(canonicalReport);

describe('report-core as a Unix tool', () => {
  it('prints the version on --version and -V, exit 0', async () => {
    for (const flag of ['--version', '-V']) {
      const io = memoryIo({}, '9.8.7');
      expect(await runCli([flag], io)).toBe(EXIT.ok);
      expect(io.stdout()).toBe('9.8.7\n');
    }
  });

  it('takes --json on every command and prints JSON on stdout', async () => {
    const argv: Record<string, string[]> = {
      validate: ['validate', '--canonical', '--json'],
      print: ['print', '--source', '--json'],
      parse: ['parse', 'source.txt', '--json'],
      indicators: ['indicators', '新建铁路170公里。', '--json'],
      search: ['search', '旅游', '--json'],
      stats: ['stats', '--json'],
      diff: ['diff', 'a.json', 'a.json', '--json'],
    };
    expect(Object.keys(argv).sort()).toEqual(commands.map((c) => c.name).sort());
    for (const [name, args] of Object.entries(argv)) {
      const io = memoryIo({ 'source.txt': sourceText, 'a.json': reportJson });
      await runCli(args, io);
      expect(() => JSON.parse(io.stdout()) as unknown, name).not.toThrow();
    }
  });

  it('reads standard input for a file argument of -', async () => {
    const validate = memoryIo({ '-': reportJson });
    expect(await runCli(['validate', '-'], validate)).toBe(EXIT.ok);
    expect(validate.stdout()).toContain('有效 (valid): 标准输入 (stdin)');
    const indicators = memoryIo({ '-': '新建铁路170公里。' });
    expect(await runCli(['indicators', '-', '--json'], indicators)).toBe(EXIT.ok);
    expect(JSON.parse(indicators.stdout())).toHaveLength(1);
    const parse = memoryIo({ '-': sourceText });
    await runCli(['parse', '-', '--json'], parse);
    expect((JSON.parse(parse.stdout()) as { chapters: unknown[] }).chapters.length).toBeGreaterThan(
      0,
    );
  });

  it('puts results on stdout and problems on stderr, for every command that reads a file', async () => {
    for (const args of [
      ['validate', 'bad.json'],
      ['stats', '--file', 'bad.json'],
      ['search', '旅游', '--file', 'bad.json'],
      ['diff', 'bad.json', 'bad.json'],
      ['parse', 'missing.txt'],
    ]) {
      const io = memoryIo({ 'bad.json': '[]' });
      expect(await runCli(args, io), args.join(' ')).toBe(EXIT.invalid);
      expect(io.stdout(), args.join(' ')).toBe('');
      expect(io.stderr(), args.join(' ')).not.toBe('');
    }
  });

  it('shows control, direction and invisible characters of the input escaped, never raw', async () => {
    const io = memoryIo({ 'evil\u001b[2J.json': '{"x": 1' });
    expect(await runCli(['validate', 'evil\u001b[2J.json'], io)).toBe(EXIT.invalid);
    expect(io.stderr()).toContain('evil\\u001b[2J.json');
    expect(io.stderr()).not.toContain('\u001b');
    const rtl = memoryIo();
    await runCli(['indicators', '新建铁路\u202e170公里。'], rtl);
    expect(rtl.stdout() + rtl.stderr()).not.toContain('\u202e');
  });

  it('accepts a JSON file that starts with a byte-order mark', async () => {
    const io = memoryIo({ 'bom.json': `\ufeff${reportJson}` });
    expect(await runCli(['validate', 'bom.json'], io)).toBe(EXIT.ok);
  });

  it('decodes a GB18030 (GBK) source text, saying so on stderr', async () => {
    // 乐山市 in GBK: C0 D6 C9 BD CA D0.
    const gbk = new Uint8Array([0xc0, 0xd6, 0xc9, 0xbd, 0xca, 0xd0, 0x0a]);
    const io = memoryIo({ '-': gbk });
    expect(await runCli(['indicators', '-', '--json'], io)).toBe(EXIT.ok);
    expect(io.stderr()).toBe(
      '标准输入 (stdin) 不是 UTF-8，已按 GB18030（GBK）解码 (标准输入 (stdin) is not UTF-8; decoded as GB18030 (GBK))\n',
    );
  });

  it('refuses UTF-16 and bytes that are neither UTF-8 nor Chinese GB18030, naming the encoding', async () => {
    const utf16 = memoryIo({ 'u16.json': new Uint8Array([0xff, 0xfe, 0x7b, 0x00]) });
    expect(await runCli(['validate', 'u16.json'], utf16)).toBe(EXIT.invalid);
    expect(utf16.stderr()).toContain('UTF-16');
    const binary = memoryIo({ 'x.json': new Uint8Array([0x80, 0xff, 0x00, 0xfe]) });
    expect(await runCli(['validate', 'x.json'], binary)).toBe(EXIT.invalid);
    expect(binary.stderr()).toContain('不是 UTF-8 文本');
  });

  it('refuses an input over the size limit with its size and the limit', async () => {
    const io = memoryIo({ 'big.txt': new Uint8Array(MAX_INPUT_BYTES + 1) });
    expect(await runCli(['parse', 'big.txt'], io)).toBe(EXIT.invalid);
    expect(io.stderr()).toMatch(/big\.txt: 文件有 4\.0 MB，超过 4\.0 MB 的上限/u);
  });

  it('takes the report’s metadata for parse as options, validated by ParseOptionsSchema', async () => {
    const io = memoryIo({
      'src.txt': sourceText,
      'meta.json': JSON.stringify({ issuer: '某市人民政府' }),
    });
    await runCli(
      [
        'parse',
        'src.txt',
        '--json',
        '--options',
        'meta.json',
        '--start',
        '2023',
        '--end',
        '2027',
        '--id',
        'city-2023',
      ],
      io,
    );
    const report = JSON.parse(io.stdout()) as {
      id: string;
      meta: { issuer: string; period: unknown; source: { file: string } };
    };
    expect(report.id).toBe('city-2023');
    expect(report.meta.issuer).toBe('某市人民政府');
    expect(report.meta.period).toEqual({ start: 2023, end: 2027 });
    expect(report.meta.source.file).toBe('src.txt');
    const bad = memoryIo({ 'src.txt': sourceText });
    expect(await runCli(['parse', 'src.txt', '--start', '2030', '--end', '2020'], bad)).toBe(
      EXIT.usage,
    );
    expect(bad.stderr()).toContain('起始年份不能晚于结束年份');
    expect(bad.stdout()).toBe('');
  });
});
