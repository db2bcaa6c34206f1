import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';

/**
 * Builds the shapes of issue 14 on disk for tests and benchmarks: zip files (yazl), .xlsx
 * workbooks as Excel lays them out (shared strings, styles with number formats, rows with cell
 * references), and Customer Insights export folders with a model.json.
 */

export interface ZipEntrySpec {
  readonly name: string;
  readonly data: Buffer | string;
  readonly store?: boolean;
}

export async function writeZip(
  filePath: string,
  entries: readonly ZipEntrySpec[],
): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data;
    zip.addBuffer(data, entry.name, { compress: !entry.store });
  }
  zip.end();
  const out = createWriteStream(filePath);
  zip.outputStream.pipe(out);
  await finished(out);
  return filePath;
}

/** A number cell with a style: 1 = a date (built-in format 14), 2 = "#,##0.00", 3 = text. */
export interface NumberCell {
  readonly number: number;
  readonly style?: 0 | 1 | 2 | 3;
}
export type CellSpec = string | NumberCell | null;

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly CellSpec[])[];
  /** The sheet row the first row goes on (1 by default). */
  readonly firstRow?: number;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  add(text: string): number {
    let found = this.index.get(text);
    if (found === undefined) {
      found = this.list.length;
      this.list.push(text);
      this.index.set(text, found);
    }
    return found;
  }
  xml(): string {
    const items = this.list.map(
      (text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`,
    );
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  }
}

export function sheetXml(sheet: SheetSpec, strings: SharedStrings): string {
  const first = sheet.firstRow ?? 1;
  const rows = sheet.rows.map((cells, offset) => {
    const number = first + offset;
    const xml = cells
      .map((cell, column) => {
        const ref = `${columnName(column)}${number}`;
        if (cell === null) return '';
        if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${strings.add(cell)}</v></c>`;
        return `<c r="${ref}" s="${cell.style ?? 0}"><v>${cell.number}</v></c>`;
      })
      .join('');
    return `<row r="${number}">${xml}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="49" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export interface WorkbookOptions {
  /** Chart sheets (no cells), listed after the worksheets. */
  readonly chartSheets?: readonly string[];
}

export function workbookEntries(
  sheets: readonly SheetSpec[],
  options: WorkbookOptions = {},
): ZipEntrySpec[] {
  const strings = new SharedStrings();
  const worksheets = sheets.map((sheet, index) => ({
    name: `xl/worksheets/sheet${index + 1}.xml`,
    data: sheetXml(sheet, strings),
  }));
  const charts = (options.chartSheets ?? []).map((name, index) => ({ name, index }));
  const sheetList = [
    ...sheets.map(
      (sheet, index) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
    ),
    ...charts.map(
      ({ name, index }) =>
        `<sheet name="${escapeXml(name)}" sheetId="${sheets.length + index + 1}" r:id="rIdC${index + 1}"/>`,
    ),
  ];
  const rels = [
    ...sheets.map(
      (_, index) =>
        `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    ),
    ...charts.map(
      ({ index }) =>
        `<Relationship Id="rIdC${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet${index + 1}.xml"/>`,
    ),
  ];
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetList.join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    ...worksheets,
    ...charts.map(({ index }) => ({
      name: `xl/chartsheets/sheet${index + 1}.xml`,
      data: '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    })),
    { name: 'xl/styles.xml', data: stylesXml },
    { name: 'xl/sharedStrings.xml', data: strings.xml() },
  ];
}

export function writeWorkbook(
  filePath: string,
  sheets: readonly SheetSpec[],
  options?: WorkbookOptions,
) {
  return writeZip(filePath, workbookEntries(sheets, options));
}

export interface CdmPartSpec {
  /** Path below the export folder, e.g. `Contacts/2026/11/30/0815/Contacts_1.csv`. */
  readonly path: string;
  readonly text: string;
  readonly columnHeaders?: boolean;
  readonly delimiter?: string;
}

export interface CdmEntitySpec {
  readonly name: string;
  readonly attributes: readonly string[];
  readonly parts: readonly CdmPartSpec[];
}

const storageUrl = 'https://contosoinsights.blob.core.windows.net/exports/CustomerInsights_7f3a/';

/** Writes an export folder: model.json naming each part by its storage URL, and the parts. */
export async function writeCdmFolder(
  folder: string,
  exportName: string,
  entities: readonly CdmEntitySpec[],
  extraFiles: readonly { path: string; text: string }[] = [],
): Promise<string> {
  const model = {
    name: exportName,
    version: '1.0',
    entities: entities.map((entity) => ({
      $type: 'LocalEntity',
      name: entity.name,
      attributes: entity.attributes.map((name) => ({ name, dataType: 'string' })),
      partitions: entity.parts.map((part, index) => ({
        name: `${entity.name}_${index + 1}`,
        location: `${storageUrl}${encodeURIComponent(exportName)}/${part.path.split('/').map(encodeURIComponent).join('/')}`,
        fileFormatSettings: {
          $type: 'CsvFormatSettings',
          columnHeaders: part.columnHeaders ?? false,
          delimiter: part.delimiter ?? ',',
          quoteStyle: 'QuoteStyle.Csv',
          csvStyle: 'CsvStyle.QuoteAlways',
          encoding: 'UTF-8',
        },
      })),
    })),
  };
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'model.json'), JSON.stringify(model, null, 2));
  const files = [...entities.flatMap((entity) => entity.parts), ...extraFiles];
  for (const file of files) {
    const target = path.join(folder, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, 'text' in file ? file.text : '');
  }
  return folder;
}
