import { counts, file, type BrokenCase, type CorpusCase } from './corpus-case';
import { encodeText } from './encode-text';

/**
 * Files that lost or garbled contacts before issue 12 and 14: mixed line endings, a header of
 * blank names, no header at all, Excel's `sep=` hint, and the broken ones that must be refused
 * with their line (a quote that never closes or closes far too late, a value too long to be one,
 * UTF-8 with bytes that are not, NUL bytes).
 */

/** A CRLF header, then 1,000 rows of which every third ends in LF alone. */
export const mixedLineEndingsCase: CorpusCase = (() => {
  let text = 'Email,FirstName,LastName\r\n';
  for (let index = 1; index <= 1000; index += 1) {
    text += `p${index}@example.com,First${index},Last${index}${index % 3 === 0 ? '\n' : '\r\n'}`;
  }
  return {
    name: 'Mixed line endings: a CRLF header, every third row ending in LF alone',
    fileName: 'mixed-endings.csv',
    bytes: () => Buffer.from(text, 'utf8'),
    expected: {
      encoding: 'utf-8',
      hasBom: false,
      delimiter: ',',
      columns: ['Email', 'FirstName', 'LastName'],
      emailColumn: 'Email',
      counts: counts({ rows: 1000, valid: 1000 }),
      lines: Array.from({ length: 1000 }, (_, index) => index + 2),
      problems: [],
      rows: {
        2: ['p3@example.com', 'First3', 'Last3'],
        3: ['p4@example.com', 'First4', 'Last4'],
        999: ['p1000@example.com', 'First1000', 'Last1000'],
      },
    },
  };
})();

export const blankHeaderCase: CorpusCase = {
  name: 'A header of blank names (;;) is a header, the first contact is kept',
  fileName: 'blank-header.csv',
  bytes: file(
    [
      ';;',
      'anna@exemple.cat;Anna;Puig',
      'biel@exemple.cat;Biel;Roca',
      ';;',
      'carla@exemple.cat;Carla;Vila',
    ],
    '\r\n',
    'utf-8',
  ),
  expected: {
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ';',
    columns: ['Column 1', 'Column 2', 'Column 3'],
    emailColumn: 'Column 1',
    counts: counts({ rows: 3, valid: 3 }),
    lines: [2, 3, 5],
    problems: [],
    rows: { 0: ['anna@exemple.cat', 'Anna', 'Puig'] },
  },
};

export const headerlessCase: CorpusCase = {
  name: 'No header row: the first row already holds an address',
  fileName: 'no-header.csv',
  bytes: file(
    ['anna@exemple.cat,Anna,Puig', 'biel@exemple.cat,Biel,Roca', 'carla@exemple.cat,Carla,Vila'],
    '\n',
    'utf-8',
  ),
  expected: {
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    columns: ['Column 1', 'Column 2', 'Column 3'],
    emailColumn: 'Column 1',
    counts: counts({ rows: 3, valid: 3 }),
    lines: [1, 2, 3],
    problems: [],
    rows: { 0: ['anna@exemple.cat', 'Anna', 'Puig'] },
  },
};

export const separatorHintCase: CorpusCase = {
  name: "Excel's sep=; hint names the separator and is not data",
  fileName: 'sep-hint.csv',
  bytes: file(
    [
      'sep=;',
      'Email;Nom;Import',
      'anna@exemple.cat;Puig, Anna;12,50',
      'biel@exemple.cat;Roca, Biel;3,10',
    ],
    '\r\n',
    'utf-8-bom',
  ),
  expected: {
    encoding: 'utf-8',
    hasBom: true,
    delimiter: ';',
    columns: ['Email', 'Nom', 'Import'],
    emailColumn: 'Email',
    counts: counts({ rows: 2, valid: 2 }),
    lines: [3, 4],
    problems: [],
    rows: { 0: ['anna@exemple.cat', 'Puig, Anna', '12,50'] },
  },
};

export const integrityCases: readonly CorpusCase[] = [
  mixedLineEndingsCase,
  blankHeaderCase,
  headerlessCase,
  separatorHintCase,
];

function rowsOf(count: number, from = 1): string {
  let text = '';
  for (let index = from; index < from + count; index += 1) {
    text += `user${index}@example.com,José ${index},Puig\n`;
  }
  return text;
}

/** 100,000 rows; the third line opens a quote that never closes (3.5 MB: read to the end). */
export const lateUnclosedQuoteCase: BrokenCase = {
  name: 'a quote that never closes on line 3 of 100,000 rows',
  fileName: 'unclosed-100k.csv',
  bytes: () =>
    Buffer.from(
      `Email,FirstName,LastName\na@example.com,Ann,Lee\nb@example.com,"Bob,Ray\n${rowsOf(99_998)}`,
    ),
  error: 'unclosed-quote',
  params: { line: 3 },
};

/** A stray quote that closes six lines later in the same column: the field count still fits. */
export const swallowingQuoteCase: BrokenCase = {
  name: 'a quoted value that closes six lines later and swallows the rows between',
  fileName: 'swallowed.csv',
  bytes: () =>
    Buffer.from(
      'Email,Name,City\na@x.com,Ann,Vic\nb@x.com,"Bob,Olot\nc@x.com,Cy,Reus\nd@x.com,Dee,Olot\ne@x.com,Eve,Vic\nf@x.com,Fay,Olot\ng@x.com,Gil",Vic\nh@x.com,Hal,Reus\n',
    ),
  error: 'swallowed-rows',
  params: { line: 3, endLine: 8 },
};

export const overlongValueCase: BrokenCase = {
  name: 'a value of 40,000 characters',
  fileName: 'overlong.csv',
  bytes: () => Buffer.from(`Email,Note\na@x.com,ok\nb@x.com,${'x'.repeat(40_000)}\n`),
  error: 'value-too-long',
  params: { line: 3 },
};

/** 3,000 UTF-8 names, then one Windows-1252 byte after the first 64 KiB. */
export const lateInvalidUtf8Case: BrokenCase = {
  name: 'UTF-8 names, then one Windows-1252 byte after 64 KiB',
  fileName: 'late-bad-byte.csv',
  bytes: () =>
    Buffer.concat([
      Buffer.from(`Email,FirstName,LastName\n${rowsOf(3000)}`, 'utf8'),
      encodeText('rene@example.com,René,Puig\n', 'windows-1252'),
    ]),
  error: 'mixed-encodings',
  params: { utf8Line: 2, otherLine: 3002 },
};

export const mixedHeadCase: BrokenCase = {
  name: 'UTF-8 and Windows-1252 names in the first lines',
  fileName: 'mixed-head.csv',
  bytes: () =>
    Buffer.concat([
      Buffer.from('Email,Name\nanna@x.com,José\n', 'utf8'),
      encodeText('rene@x.com,René\n', 'windows-1252'),
    ]),
  error: 'mixed-encodings',
  params: { utf8Line: 2, otherLine: 3 },
};

export const badByteWithBomCase: BrokenCase = {
  name: 'a UTF-8 file with a byte-order mark and one invalid byte',
  fileName: 'bom-bad-byte.csv',
  bytes: () =>
    Buffer.concat([
      encodeText('Email,Name\nanna@x.com,José\n', 'utf-8-bom'),
      Buffer.from([0x62, 0x40, 0x78, 0x2e, 0x63, 0x6f, 0x6d, 0x2c, 0xff, 0x0a]),
    ]),
  error: 'invalid-text-bytes',
  params: { line: 3 },
};

export const lateNulCase: BrokenCase = {
  name: 'a NUL byte after the first 64 KiB',
  fileName: 'late-nul.csv',
  bytes: () =>
    Buffer.from(
      `Email,FirstName,LastName\n${rowsOf(3000)}nul@example.com,Nu\u0000l,Puig\n`,
      'utf8',
    ),
  error: 'nul-character',
  params: { line: 3002 },
};

export const integrityBrokenCases: readonly BrokenCase[] = [
  lateUnclosedQuoteCase,
  swallowingQuoteCase,
  overlongValueCase,
  lateInvalidUtf8Case,
  mixedHeadCase,
  badByteWithBomCase,
  lateNulCase,
];
