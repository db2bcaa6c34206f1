import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeDataRow } from '../../core/import/header-rules';
import { readSegmentFile } from '../../core/import/read-segment-file';
import { readSeparatorHint } from '../../core/import/separator-hint';
import { utf8CensusOf } from '../../core/import/utf8-census';
import { europeanExcelCase } from '../support/corpus/segment-corpus';
import { useTempFolder } from '../support/temp-folder';

const folder = useTempFolder('courier-structure-', { per: 'file' });

async function write(fileName: string, bytes: Buffer | string): Promise<string> {
  const target = path.join(folder(), fileName);
  await writeFile(target, bytes);
  return target;
}

describe("Excel's sep= hint", () => {
  it.each([
    ['sep=;\r\nEmail;Nom\r\n', ';', 'Email;Nom\r\n'],
    ['sep=,\nEmail,Nom\n', ',', 'Email,Nom\n'],
    ['sep=\t\nEmail\tNom\n', '\t', 'Email\tNom\n'],
    ['sep=\\t\nEmail\tNom\n', '\t', 'Email\tNom\n'],
    ['SEP=|\nEmail|Nom\n', '|', 'Email|Nom\n'],
    ['"sep=;"\nEmail;Nom\n', ';', 'Email;Nom\n'],
  ])('reads %j', (text, delimiter, rest) => {
    expect(readSeparatorHint(text)).toEqual({ delimiter, rest });
  });

  it.each(['Email,sep=;\n', 'sep=:\nEmail\n', 'separator=;\n', 'sep=;;\n'])(
    'is not fooled by %j',
    (text) => {
      expect(readSeparatorHint(text)).toBeNull();
    },
  );
});

describe('whether the first row is a header', () => {
  it.each([
    [['Email', 'Nom'], false],
    [['', '', ''], false],
    [['Correu (p. ex. nom@exemple.cat)', 'Nom'], false],
    [['anna@exemple.cat', 'Anna'], true],
    [['1001', ' ANNA@Exemple.cat '], true],
  ])('%j is data: %s', (cells, isData) => {
    expect(looksLikeDataRow(cells)).toBe(isData);
  });

  it('--no-header reads a first row without an address as data', async () => {
    const file = await write('ids.csv', '1001,Anna\n1002,Biel\n');
    const plain = await readSegmentFile({ sourcePath: file });
    expect(plain).toMatchObject({ columns: ['1001', 'Anna'], hasHeader: true });
    expect(plain.report.counts.rows).toBe(1);
    const forced = await readSegmentFile({ sourcePath: file, overrides: { noHeader: true } });
    expect(forced).toMatchObject({ columns: ['Column 1', 'Column 2'], hasHeader: false });
    expect(forced.report.counts.rows).toBe(2);
  });
});

describe('UTF-8 census', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  it.each([
    ['plain ASCII', utf8('a\nb\n'), { firstUtf8Line: null, firstInvalidLine: null }],
    ['UTF-8 on line 2', utf8('a\nJosé\n'), { firstUtf8Line: 2, firstInvalidLine: null }],
    [
      'Windows-1252 on line 3',
      Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0xe9, 0x0a]),
      { firstUtf8Line: null, firstInvalidLine: 3 },
    ],
    [
      'both',
      Buffer.concat([utf8('José\n'), Buffer.from([0x52, 0xe9, 0x0a])]),
      { firstUtf8Line: 1, firstInvalidLine: 2 },
    ],
    ['an overlong form', Buffer.from([0xc0, 0xaf]), { firstUtf8Line: null, firstInvalidLine: 1 }],
    ['a surrogate', Buffer.from([0xed, 0xa0, 0x80]), { firstUtf8Line: null, firstInvalidLine: 1 }],
    ['cut at the end', Buffer.from([0x61, 0xc3]), { firstUtf8Line: null, firstInvalidLine: 1 }],
  ])('%s', (_name, bytes, census) => {
    expect(utf8CensusOf(bytes)).toEqual(census);
  });
});

describe('rows set aside', () => {
  it('says the separator is probably wrong when every row is set aside', async () => {
    const file = await write('wrong-separator.csv', europeanExcelCase.bytes());
    await expect(
      readSegmentFile({ sourcePath: file, overrides: { delimiter: ',' } }),
    ).rejects.toMatchObject({
      code: 'no-fitting-rows',
      message: expect.stringContaining('The separator is probably not the comma'),
    });
  });
});
