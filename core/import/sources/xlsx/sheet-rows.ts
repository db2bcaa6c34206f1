import type { Readable } from 'node:stream';
import type { NumberFormatter } from './number-formats';
import { parseXmlStream } from './xml-events';

export interface SheetRow {
  /** 1-based row number as the sheet shows it. */
  readonly number: number;
  readonly cells: string[];
}

/** "BC12" → 54 (0-based column of the reference); -1 when there is no reference. */
export function columnOf(reference: string | undefined): number {
  if (!reference) return -1;
  let column = 0;
  let index = 0;
  for (; index < reference.length; index += 1) {
    const code = reference.charCodeAt(index);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return index === 0 ? -1 : column - 1;
}

/** Excel allows 16,384 columns: a reference past that is a damaged or hostile file. */
const maxColumns = 16_384;

interface CellInProgress {
  column: number;
  type: string;
  style: number;
  value: string;
  inline: string;
}

/**
 * Reads a worksheet's rows as display text: shared and inline strings, booleans, error values
 * and formula results as they are, numbers through their display format. Calls `onRows` with
 * the rows of each chunk of XML; its promise makes the read wait (the rows are being written).
 */
export class SheetReader {
  private pending: SheetRow[] = [];
  private row: string[] = [];
  private rowNumber = 0;
  private cell: CellInProgress | null = null;
  private textTarget: 'value' | 'inline' | null = null;
  private phonetic = 0;

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly formatter: NumberFormatter,
  ) {}

  read(
    stream: Readable,
    onRows: (rows: SheetRow[]) => Promise<void> | null | 'stop',
  ): Promise<void> {
    return parseXmlStream(
      stream,
      {
        open: (name, attributes) => this.open(name, attributes),
        text: (text) => this.text(text),
        close: (name) => this.close(name),
      },
      () => {
        const rows = this.pending;
        this.pending = [];
        return rows.length > 0 ? onRows(rows) : null;
      },
    );
  }

  private open(name: string, attributes: Readonly<Record<string, string>>) {
    if (name === 'row') {
      const number = Number(attributes.r);
      this.rowNumber = Number.isInteger(number) && number > 0 ? number : this.rowNumber + 1;
      this.row = [];
    } else if (name === 'c') {
      const column = columnOf(attributes.r);
      this.cell = {
        column: column >= 0 ? column : this.row.length,
        type: attributes.t ?? 'n',
        style: Number(attributes.s ?? 0) || 0,
        value: '',
        inline: '',
      };
    } else if (name === 'v' && this.cell) {
      this.textTarget = 'value';
    } else if (name === 'rPh') {
      this.phonetic += 1;
    } else if (name === 't' && this.cell && this.phonetic === 0) {
      this.textTarget = 'inline';
    }
  }

  private text(text: string) {
    if (!this.cell || this.textTarget === null) return;
    if (this.textTarget === 'value') this.cell.value += text;
    else this.cell.inline += text;
  }

  private close(name: string) {
    if (name === 'v' || name === 't') this.textTarget = null;
    else if (name === 'rPh') this.phonetic -= 1;
    else if (name === 'c' && this.cell) {
      this.place(this.cell.column, this.cellText(this.cell));
      this.cell = null;
    } else if (name === 'row') {
      this.pending.push({ number: this.rowNumber, cells: this.row });
    }
  }

  private place(column: number, text: string) {
    if (column >= maxColumns || text === '') return;
    while (this.row.length < column) this.row.push('');
    this.row[column] = text;
  }

  private cellText(cell: CellInProgress): string {
    switch (cell.type) {
      case 's':
        return this.sharedStrings[Number(cell.value)] ?? '';
      case 'inlineStr':
        return cell.inline;
      case 'b':
        return cell.value === '1' ? 'TRUE' : cell.value === '0' ? 'FALSE' : cell.value;
      case 'str':
      case 'e':
      case 'd':
        return cell.value;
      default: {
        if (cell.value === '') return '';
        const number = Number(cell.value);
        return Number.isFinite(number) ? this.formatter.format(number, cell.style) : cell.value;
      }
    }
  }
}
