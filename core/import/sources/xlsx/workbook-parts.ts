import path from 'node:path';
import { ImportError } from '../../import-error';
import type { ZipArchive } from '../zip-archive';
import type { CellStyles } from './number-formats';
import { attribute, parseXmlStream, parseXmlText } from './xml-events';

/** The parts of an .xlsx package (ECMA-376 part 1) needed to read a sheet's cells as text. */

export interface SheetEntry {
  readonly name: string;
  /** Where its XML is inside the package; null for a chart sheet or a missing part. */
  readonly part: string | null;
}

export function workbookDamaged(fileName: string): ImportError {
  return new ImportError(
    'workbook-damaged',
    `“${fileName}” looks like an Excel workbook but could not be read: it may be damaged. Open it in Excel and choose File › Save As › "CSV UTF-8", then drop the CSV file here.`,
    { fileName },
  );
}

async function readPart(archive: ZipArchive, part: string): Promise<string | null> {
  return archive.has(part) ? archive.readText(part) : null;
}

/** Relationship id to part path, resolved against the folder of the part that owns them. */
function readRelationships(xml: string, ownerFolder: string): Map<string, string> {
  const targets = new Map<string, string>();
  parseXmlText(xml, {
    open(name, attributes) {
      const id = attributes.Id;
      const target = attributes.Target;
      if (name !== 'Relationship' || !id || !target || attributes.TargetMode === 'External') return;
      const resolved = target.startsWith('/')
        ? target.slice(1)
        : path.posix.normalize(path.posix.join(ownerFolder, target));
      targets.set(id, resolved);
    },
  });
  return targets;
}

interface WorkbookInfo {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
}

export async function readWorkbookInfo(archive: ZipArchive): Promise<WorkbookInfo> {
  const workbook = await readPart(archive, 'xl/workbook.xml');
  const rels = await readPart(archive, 'xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) throw workbookDamaged(archive.fileName);
  const targets = readRelationships(rels, 'xl');
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXmlText(workbook, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
      if (name !== 'sheet') return;
      const target = targets.get(attribute(attributes, 'id') ?? '') ?? null;
      const isWorksheet = target !== null && target.includes('worksheets/');
      sheets.push({
        name: attributes.name ?? `Sheet ${sheets.length + 1}`,
        part: isWorksheet && archive.has(target) ? target : null,
      });
    },
  });
  return { sheets, date1904 };
}

export async function readStyles(archive: ZipArchive, date1904: boolean): Promise<CellStyles> {
  const xml = await readPart(archive, 'xl/styles.xml');
  const formatCodes = new Map<number, string>();
  const styleFormats: number[] = [];
  if (xml === null) return { formatCodes, styleFormats, date1904 };
  let inCellXfs = false;
  parseXmlText(xml, {
    open(name, attributes) {
      if (name === 'numFmt' && attributes.formatCode !== undefined) {
        formatCodes.set(Number(attributes.numFmtId), attributes.formatCode);
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        styleFormats.push(Number(attributes.numFmtId ?? 0) || 0);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return { formatCodes, styleFormats, date1904 };
}

/**
 * The shared string table, streamed: a string is the text of its `t` elements, rich-text runs
 * joined, phonetic guides (`rPh`) left out as Excel shows them.
 */
export async function readSharedStrings(archive: ZipArchive): Promise<string[]> {
  const strings: string[] = [];
  const part = 'xl/sharedStrings.xml';
  if (!archive.has(part)) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await parseXmlStream(await archive.openEntry(part), {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    },
  });
  return strings;
}
