import { counts, file, type BrokenCase, type CorpusCase } from './corpus-case';
import { encodeText } from './encode-text';

/** Separators, quoting, line breaks, ragged rows and files big enough to cross read chunks. */

export const pipeCase: CorpusCase = {
  name: 'Pipe-delimited with quoted pipes, commas and semicolons, LF',
  fileName: 'pipe-export.txt',
  bytes: file(
    [
      'email|first_name|last_name|notes',
      'a@example.com|Ann|Lee|"likes | pipes"',
      'b@example.com|Bob|Ray|plain',
      'c@example.com|Cy|Ng|"has, comma; and semicolon"',
    ],
    '\n',
    'utf-8',
  ),
  expected: {
    encoding: 'utf-8',
    hasBom: false,
    delimiter: '|',
    columns: ['email', 'first_name', 'last_name', 'notes'],
    emailColumn: 'email',
    counts: counts({ rows: 3, valid: 3 }),
    problems: [],
    rows: {
      0: ['a@example.com', 'Ann', 'Lee', 'likes | pipes'],
      2: ['c@example.com', 'Cy', 'Ng', 'has, comma; and semicolon'],
    },
    standard: { FirstName: 'first_name', LastName: 'last_name' },
  },
};

export const quotedLineBreaksCase: CorpusCase = {
  name: 'Quoted line breaks and doubled quotes, CRLF',
  fileName: 'addresses.csv',
  bytes: file(
    [
      'Email,Name,Address',
      '"anna@example.com","Anna ""Annie"" Smith","12 High Street\r\nFlat 3\r\nLondon"',
      'ben@example.com,Ben,"One line"',
      '"carl@example","Carl","Two\r\nlines"',
      'dora@example.com,Dora,""',
    ],
    '\r\n',
    'utf-8',
  ),
  expected: {
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    columns: ['Email', 'Name', 'Address'],
    emailColumn: 'Email',
    counts: counts({ rows: 4, valid: 3, invalid: 1 }),
    lines: [2, 5, 6, 8],
    problems: [{ kind: 'invalid-email', line: 6, value: 'carl@example' }],
    rows: {
      0: ['anna@example.com', 'Anna "Annie" Smith', '12 High Street\r\nFlat 3\r\nLondon'],
      3: ['dora@example.com', 'Dora', ''],
    },
    standard: { MailingStreet: 'Address' },
  },
};

export const tabWithBlankLinesCase: CorpusCase = {
  name: 'Tab-separated, LF line breaks inside quotes, blank lines between rows',
  fileName: 'notes.tsv',
  bytes: file(
    ['Email\tNote', 'x@example.com\t"first\nsecond"', '', 'y@example.com\tok', '   '],
    '\n',
    'utf-8',
  ),
  expected: {
    encoding: 'utf-8',
    hasBom: false,
    delimiter: '\t',
    columns: ['Email', 'Note'],
    emailColumn: 'Email',
    counts: counts({ rows: 2, valid: 2 }),
    lines: [2, 5],
    problems: [],
    rows: { 0: ['x@example.com', 'first\nsecond'] },
  },
};

export const raggedCase: CorpusCase = {
  name: 'Ragged rows: too few and too many values are set aside, never kept',
  fileName: 'ragged.csv',
  bytes: file(
    [
      'Email,First name,Last name',
      'a@example.com,Ann,Lee',
      'b@example.com,Bob',
      'c@example.com,Cy,Ng,extra',
      ',Dee,Dot',
    ],
    '\n',
    'utf-8',
  ),
  expected: {
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    columns: ['Email', 'First name', 'Last name'],
    emailColumn: 'Email',
    counts: counts({ rows: 2, valid: 1, blank: 1, wrongFieldCount: 2 }),
    lines: [2, 5],
    problems: [
      { kind: 'wrong-field-count', line: 3, expected: 3, actual: 2 },
      { kind: 'wrong-field-count', line: 4, expected: 3, actual: 4 },
      { kind: 'blank-email', line: 5 },
    ],
    rows: { 1: ['', 'Dee', 'Dot'] },
  },
};

export const noEmailColumnCase: CorpusCase = {
  name: 'No column that looks like an email (still imported)',
  fileName: 'ids-only.csv',
  bytes: file(['Id,Name,City', '1,Anna,Vic', '2,Biel,Olot'], '\n', 'utf-8'),
  expected: {
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    columns: ['Id', 'Name', 'City'],
    emailColumn: null,
    counts: counts({ rows: 2 }),
    problems: [],
    standard: { MailingCity: 'City' },
  },
};

export const singleColumnCase: CorpusCase = {
  name: 'A single column of addresses, no delimiter at all',
  fileName: 'emails.txt',
  bytes: file(['email', 'a@example.com', 'A@Example.com', 'b@example.com'], '\n', 'utf-8'),
  expected: {
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    columns: ['email'],
    emailColumn: 'email',
    counts: counts({ rows: 3, valid: 2, duplicates: 1 }),
    problems: [{ kind: 'duplicate-email', line: 3, value: 'A@Example.com', firstLine: 2 }],
  },
};

/** Valid UTF-8 for the first 64 KiB, then one Windows-1252 byte: read again as Windows-1252. */
export const lateWindows1252Case: CorpusCase = {
  name: 'Windows-1252 whose first accented byte comes after 64 KiB',
  fileName: 'late-accent.csv',
  bytes: () => {
    const lines = ['Email,Name'];
    for (let index = 1; index <= 3000; index += 1)
      lines.push(`user${index}@example.com,Name ${index}`);
    lines.push('rene@example.com,René');
    return encodeText(lines.join('\r\n') + '\r\n', 'windows-1252');
  },
  expected: {
    encoding: 'windows-1252',
    hasBom: false,
    delimiter: ',',
    columns: ['Email', 'Name'],
    emailColumn: 'Email',
    counts: counts({ rows: 3001, valid: 3001 }),
    problems: [],
    rows: { 3000: ['rene@example.com', 'René'] },
  },
};

/** Multi-byte characters everywhere, so some straddle the reader's chunk edges. */
export const accentsAcrossChunksCase: CorpusCase = {
  name: 'Accents straddling read chunks (1.8 MB of UTF-8)',
  fileName: 'accents-everywhere.csv',
  bytes: () => {
    const lines = ['Email,Nom,Import'];
    for (let index = 1; index <= 30_000; index += 1) {
      lines.push(`u${index}@exemple.cat,Àlex Ñúñez Çaçà ${index},€ ${index}`);
    }
    return encodeText(lines.join('\n') + '\n', 'utf-8');
  },
  expected: {
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    columns: ['Email', 'Nom', 'Import'],
    emailColumn: 'Email',
    counts: counts({ rows: 30_000, valid: 30_000 }),
    problems: [],
    rows: { 29_999: ['u30000@exemple.cat', 'Àlex Ñúñez Çaçà 30000', '€ 30000'] },
  },
};

/** Rows spanning two or three lines here and there, among 40,000, across the reader's chunks. */
export const multilineAcrossChunksCase: CorpusCase = (() => {
  const lines = ['Email;Nota'];
  const starts: number[] = [];
  let line = 2;
  for (let index = 1; index <= 40_000; index += 1) {
    starts.push(line);
    const note =
      index % 997 === 0 ? '"una\r\ndues\r\ntres"' : index % 503 === 0 ? '"a\r\nb"' : 'nota';
    lines.push(`p${index}@exemple.cat;${note}`);
    line += 1 + (note.match(/\n/g)?.length ?? 0);
  }
  return {
    name: 'Line breaks inside quotes, here and there in 40,000 rows (2 MB)',
    fileName: 'multiline.csv',
    bytes: () => encodeText(lines.join('\r\n') + '\r\n', 'utf-8'),
    expected: {
      encoding: 'utf-8',
      hasBom: false,
      delimiter: ';',
      columns: ['Email', 'Nota'],
      emailColumn: 'Email',
      counts: counts({ rows: 40_000, valid: 40_000 }),
      lines: starts,
      problems: [],
      rows: { 996: ['p997@exemple.cat', 'una\r\ndues\r\ntres'] },
    },
  };
})();

export const unclosedQuoteCase: BrokenCase = {
  name: 'a quote that never closes, in a small file',
  fileName: 'stray-quote.csv',
  bytes: file(
    ['Email,Name', 'a@example.com,Ann', 'b@example.com,"Bob', 'c@example.com,Cy'],
    '\n',
    'utf-8',
  ),
  error: 'unclosed-quote',
  params: { line: 3 },
};
