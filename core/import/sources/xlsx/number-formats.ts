import { format, isDateFormat, isValidFormat } from 'numfmt';

/**
 * Cells as the sheet shows them: a number with its display format applied (numfmt emulates
 * Excel's ECMA-376 format codes). The built-in formats have no code in the file; ECMA-376
 * 18.8.30 lists them. Where Excel follows the computer's locale for a date (14 and 22) we write
 * the unambiguous year-month-day instead of guessing the sender's locale.
 */
const builtInFormats: ReadonlyMap<number, string> = new Map([
  [0, 'General'],
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'yyyy-mm-dd'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'yyyy-mm-dd h:mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00;(#,##0.00)'],
  [40, '#,##0.00;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mm:ss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

export interface CellStyles {
  /** Custom format codes by id (styles.xml `numFmts`). */
  readonly formatCodes: ReadonlyMap<number, string>;
  /** Each cell style's number format id, by the style index a cell's `s` names. */
  readonly styleFormats: readonly number[];
  readonly date1904: boolean;
}

/** 1904-based workbooks (old Mac Excel) count days from 1904-01-01: 1,462 days later. */
const days1900To1904 = 1462;

interface KnownFormat {
  readonly code: string;
  readonly isDate: boolean;
  /** Texts already made for this format: dates and amounts repeat down a column. */
  readonly texts: Map<number, string>;
}

/** Excel's General shows whole numbers of up to 11 digits as they are (a phone number, an id). */
const generalLimit = 1e11;
const cacheLimit = 50_000;

/**
 * Each cell's display text. numfmt takes a few microseconds a cell, which is most of a large
 * sheet's reading time, so whole numbers in General and text formats skip it and repeated
 * values are remembered per format.
 */
export class NumberFormatter {
  private readonly codes = new Map<number, KnownFormat>();

  constructor(private readonly styles: CellStyles) {}

  format(value: number, styleIndex: number): string {
    const formatId = this.styles.styleFormats[styleIndex] ?? 0;
    let known = this.codes.get(formatId);
    if (!known) {
      const found = this.styles.formatCodes.get(formatId) ?? builtInFormats.get(formatId);
      const code = found !== undefined && isValidFormat(found) ? found : 'General';
      known = { code, isDate: isDateFormat(code), texts: new Map() };
      this.codes.set(formatId, known);
    }
    if (known.code === '@') return String(value);
    if (known.code === 'General' && Number.isInteger(value) && Math.abs(value) < generalLimit) {
      return String(value);
    }
    const remembered = known.texts.get(value);
    if (remembered !== undefined) return remembered;
    const serial = known.isDate && this.styles.date1904 ? value + days1900To1904 : value;
    const text = format(known.code, serial, { throws: false, nbsp: false });
    if (known.texts.size >= cacheLimit) known.texts.clear();
    known.texts.set(value, text);
    return text;
  }
}
