import { describe, expect, it } from 'vitest';
import {
  detectBinary,
  detectBom,
  guessUtf16WithoutBom,
  isValidUtf8,
} from '../../core/import/byte-sniff';
import { detectDelimiter, detectNewline } from '../../core/import/delimiter-detection';
import { sniffFormat } from '../../core/import/format-sniffing';
import { ImportError } from '../../core/import/import-error';
import { createDecoder } from '../../core/import/text-decoding';
import { encodeWindows1252 } from '../support/corpus/encode-text';

describe('delimiter detection', () => {
  it.each([
    ['comma', 'Email,Name\na@x.com,Ann\nb@x.com,Bob\n', ','],
    ['semicolon with decimal commas', 'Email;Import\na@x.cat;12,50\nb@x.cat;1.234,00\n', ';'],
    [
      'semicolon, a comma in the header too',
      'Email;Nom, cognoms;Import\na@x.cat;Puig, Anna;3,10\n',
      ';',
    ],
    [
      'tab with commas inside values',
      'Email\tNote\na@x.com\tone, two\nb@x.com\tthree, four\n',
      '\t',
    ],
    ['pipe with quoted pipes', 'Email|Note\na@x.com|"a | b"\nb@x.com|c\n', '|'],
    ['comma with quoted semicolons', 'Email,Note\na@x.com,"a; b; c"\nb@x.com,"d;e"\n', ','],
    ['a single column', 'Email\na@x.com\nb@x.com\n', ','],
    ['a header only', 'Email;Nom;Cognoms', ';'],
  ])('%s', (_name, sample, delimiter) => {
    expect(detectDelimiter(sample)).toBe(delimiter);
  });

  it('reads the line ending outside quotes', () => {
    expect(detectNewline('"a\nb",c\r\nd,e\r\n')).toBe('\r\n');
    expect(detectNewline('a,b\nc,d')).toBe('\n');
    expect(detectNewline('a,b\rc,d')).toBe('\r');
    expect(detectNewline('a,b')).toBe('\n');
  });
});

describe('bytes before text', () => {
  it('recognises byte-order marks', () => {
    expect(detectBom(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({
      encoding: 'utf-8',
      length: 3,
    });
    expect(detectBom(Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toEqual({
      encoding: 'utf-16le',
      length: 2,
    });
    expect(detectBom(Uint8Array.from([0xfe, 0xff, 0, 0x41]))).toEqual({
      encoding: 'utf-16be',
      length: 2,
    });
    expect(detectBom(Buffer.from('Email'))).toBeNull();
  });

  it('guesses UTF-16 without a BOM from its zero bytes', () => {
    const text = 'Email,Name\r\nanna@example.com,Anna\r\n';
    expect(guessUtf16WithoutBom(Buffer.from(text, 'utf16le'))).toBe('utf-16le');
    expect(guessUtf16WithoutBom(Buffer.from(text, 'utf16le').swap16())).toBe('utf-16be');
    expect(guessUtf16WithoutBom(Buffer.from(text))).toBeNull();
  });

  it('tells binary files from text', () => {
    expect(detectBinary(Buffer.from('PK\u0003\u0004', 'latin1'))).toBe('spreadsheet');
    expect(detectBinary(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(detectBinary(Buffer.from([0x41, 0x00, 0x42]))).toBe('other');
    expect(detectBinary(Buffer.from('Email;Nom\r\nanna@x.cat;Anna\t\u001a'))).toBeNull();
    expect(detectBinary(encodeWindows1252('Nom;Població\r\nÀngel;Vic €'))).toBeNull();
  });

  it('forgives a UTF-8 character cut at the end of a sample, not in a whole file', () => {
    const cut = Buffer.from('Núria').subarray(0, 2);
    expect(isValidUtf8(cut, false)).toBe(true);
    expect(isValidUtf8(cut, true)).toBe(false);
    expect(isValidUtf8(encodeWindows1252('Núria'), false)).toBe(false);
  });
});

describe('Windows-1252', () => {
  it('decodes the 0x80-0x9F range Latin-1 gets wrong', () => {
    const all = Buffer.from(Array.from({ length: 32 }, (_, index) => 0x80 + index));
    const text = createDecoder('windows-1252', false).decode(all);
    expect(text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(
      createDecoder('windows-1252', false).decode(encodeWindows1252('Ibáñez “ok” – 5 €')),
    ).toBe('Ibáñez “ok” – 5 €');
  });
});

describe('sniffing a file head', () => {
  it('honours the person’s overrides', () => {
    const head = Buffer.from('Email;Import\na@x.cat;12,50\n');
    expect(sniffFormat(head, true, 'a.csv')).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    expect(
      sniffFormat(head, true, 'a.csv', { delimiter: ',', encoding: 'windows-1252' }),
    ).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ',',
      utf8Guessed: false,
    });
  });

  it('falls back to Windows-1252 when the head is not UTF-8', () => {
    expect(
      sniffFormat(encodeWindows1252('Nom;Cognoms\nÀngel;Guimerà\n'), true, 'a.csv'),
    ).toMatchObject({
      encoding: 'windows-1252',
      hasBom: false,
    });
  });

  it('refuses UTF-16 that decodes to control characters', () => {
    const noise = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\u0001\u0002'.repeat(16), 'utf16le'),
    ]);
    expect(() => sniffFormat(noise, true, 'noise.txt')).toThrow(ImportError);
  });
});
