import { detectEmailColumn } from '../../../../shared/matching/email-column';
import type { SegmentShape, ShapeChoice } from '../../../../shared/segments/segment-shape';
import { ImportError } from '../../import-error';
import type { TableFileWriter } from '../table-file-writer';
import type { ZipArchive } from '../zip-archive';
import { NumberFormatter } from './number-formats';
import { SheetReader, type SheetRow } from './sheet-rows';
import {
  readSharedStrings,
  readStyles,
  readWorkbookInfo,
  workbookDamaged,
  type SheetEntry,
} from './workbook-parts';

interface ReadableSheet extends SheetEntry {
  readonly part: string;
  readonly header: string[];
  readonly sample: string[][];
}

const isEmptyRow = (row: SheetRow) => row.cells.every((cell) => cell.trim() === '');

/** Reads the first rows of a sheet (its header and a few more) and stops. */
async function probe(archive: ZipArchive, reader: () => SheetReader, sheet: SheetEntry) {
  if (sheet.part === null) return null;
  const found: string[][] = [];
  await reader().read(await archive.openEntry(sheet.part), (rows) => {
    for (const row of rows) if (!isEmptyRow(row)) found.push(row.cells);
    return found.length >= 6 ? 'stop' : null;
  });
  if (found.length === 0) return null;
  const [header = [], ...sample] = found;
  return { ...sheet, part: sheet.part, header, sample };
}

/**
 * The sheet to read: the one the person named; else the only sheet with rows; else the first
 * whose header has an email-like column; else the first with rows.
 */
function chooseSheet(fileName: string, sheets: ReadableSheet[], wanted: string | undefined) {
  if (wanted !== undefined) {
    const named =
      sheets.find((sheet) => sheet.name === wanted) ??
      sheets.find((sheet) => sheet.name.toLowerCase() === wanted.toLowerCase());
    if (named) return named;
    throw new ImportError(
      'workbook-unknown-sheet',
      `“${fileName}” has no sheet with rows named “${wanted}”. Its sheets with rows: ${sheets.map((sheet) => sheet.name).join(', ') || 'none'}.`,
      { fileName, sheet: wanted, sheets: sheets.map((sheet) => sheet.name).join(', ') },
    );
  }
  if (sheets.length === 1) return sheets[0];
  return (
    sheets.find((sheet) => detectEmailColumn(sheet.header, sheet.sample) !== null) ?? sheets[0]
  );
}

function noRows(fileName: string): ImportError {
  return new ImportError(
    'workbook-no-rows',
    `“${fileName}” has no sheet with rows of data: it may hold only charts, pictures or empty sheets. Put the segment’s rows on a sheet (a header line, then one row per contact) and try again.`,
    { fileName },
  );
}

/**
 * Writes the chosen sheet of an .xlsx workbook as plain rows, starting at its header (the first
 * row with something in it). Blank rows stay as blank lines, so line numbers match the sheet's
 * rows when the header is on row 1. Rows are padded to the header's width: Excel leaves trailing
 * empty cells out.
 */
export async function readWorkbook(
  archive: ZipArchive,
  choice: ShapeChoice,
  writer: TableFileWriter,
): Promise<SegmentShape> {
  const fileName = archive.fileName;
  const info = await readWorkbookInfo(archive);
  const strings = await readSharedStrings(archive);
  const formatter = new NumberFormatter(await readStyles(archive, info.date1904));
  const reader = () => new SheetReader(strings, formatter);
  const readable: ReadableSheet[] = [];
  for (const sheet of info.sheets) {
    const probed = await probe(archive, reader, sheet);
    if (probed) readable.push(probed);
  }
  if (readable.length === 0) throw noRows(fileName);
  const sheet = chooseSheet(fileName, readable, choice.sheet);
  if (!sheet) throw noRows(fileName);
  await copySheet(archive, reader(), sheet, writer);
  const others = readable.filter((other) => other !== sheet).map((other) => other.name);
  return { source: 'xlsx', sheet: sheet.name, ...(others.length > 0 ? { choices: others } : {}) };
}

async function copySheet(
  archive: ZipArchive,
  reader: SheetReader,
  sheet: ReadableSheet,
  writer: TableFileWriter,
): Promise<void> {
  let width = 0;
  let lastNumber = 0;
  await reader.read(await archive.openEntry(sheet.part), (rows) => {
    let wait: Promise<void> | null = null;
    for (const row of rows) {
      if (width === 0 && isEmptyRow(row)) continue;
      if (width === 0) {
        width = row.cells.length;
        lastNumber = row.number - 1;
      }
      // Rows come in order; a gap is rows Excel left out because they are empty.
      for (let gap = lastNumber + 1; gap < row.number && gap - lastNumber < 10_000; gap += 1) {
        wait = writer.writeBlank() ?? wait;
      }
      lastNumber = Math.max(lastNumber, row.number);
      if (isEmptyRow(row)) wait = writer.writeBlank() ?? wait;
      else wait = writer.write(padded(row.cells, width)) ?? wait;
    }
    return wait;
  });
  if (width === 0) throw workbookDamaged(archive.fileName);
}

function padded(cells: string[], width: number): string[] {
  while (cells.length < width) cells.push('');
  while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
  return cells;
}
