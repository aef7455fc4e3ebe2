import { describe, expect, it } from 'vitest';
import { csvCell, csvFile } from './csv-cell.js';

describe('csvCell', () => {
  it('quotes cells with commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('一\n二')).toBe('"一\n二"');
    expect(csvCell('普通文字')).toBe('普通文字');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  });

  it('writes numbers, booleans and empty values plainly', () => {
    expect([csvCell(-3), csvCell(2e11), csvCell(true), csvCell(null)]).toEqual([
      '-3',
      '200000000000',
      'true',
      '',
    ]);
  });
});

describe('csvFile', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      csvFile(['a', 'b'], [['甲', 1]]),
    );
    expect(text).toBe('\uFEFFa,b\r\n甲,1\r\n');
  });
});
