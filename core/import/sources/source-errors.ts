import { ImportError } from '../import-error';

/** Sentences for sources that cannot be read at all (issue 12 item 12, issue 14). */

export function fileNotFound(fileName: string): ImportError {
  return new ImportError(
    'file-not-found',
    `“${fileName}” could not be found. It may have been moved, renamed or deleted.`,
    { fileName },
  );
}

export function unreadable(fileName: string): ImportError {
  return new ImportError(
    'unreadable',
    `Segment Courier is not allowed to read “${fileName}”. Check the file’s permissions (it must be readable by you), then try again.`,
    { fileName },
  );
}

export function notRegularFile(fileName: string, kind: string): ImportError {
  return new ImportError(
    'not-a-regular-file',
    `“${fileName}” is ${kind}, not a file Segment Courier can read. Drop the segment file itself.`,
    { fileName, kind },
  );
}

export function folderWithoutSchema(fileName: string): ImportError {
  return new ImportError(
    'folder-without-schema',
    `“${fileName}” is a folder, and it holds no Customer Insights schema (model.json or a .manifest.cdm.json file). Drop the segment file itself, or the export folder that holds model.json.`,
    { fileName },
  );
}

export function notGzip(fileName: string): ImportError {
  return new ImportError(
    'gzip-damaged',
    `“${fileName}” is named like a gzip file but could not be unpacked: it is damaged or not gzip at all. Download or export it again.`,
    { fileName },
  );
}

export function workbookProtected(fileName: string): ImportError {
  return new ImportError(
    'workbook-protected',
    `“${fileName}” is protected with a password, so Segment Courier cannot read it. Open it in Excel, remove the password (File › Info › Protect Workbook) or save a copy as “CSV UTF-8”, then drop that.`,
    { fileName },
  );
}

export function workbookOldFormat(fileName: string): ImportError {
  return new ImportError(
    'workbook-old-format',
    `“${fileName}” is in the old Excel 97-2003 format (.xls), which Segment Courier does not read. Open it in Excel and save it as .xlsx or “CSV UTF-8”, then drop that.`,
    { fileName },
  );
}

export function archiveNoSegment(fileName: string): ImportError {
  return new ImportError(
    'archive-no-segment',
    `“${fileName}” is a zip file that holds no segment: no CSV, TSV, TXT or Excel file and no Customer Insights export folder. Check that you packed the right file.`,
    { fileName },
  );
}

export function archiveSeveralSegments(fileName: string, names: readonly string[]): ImportError {
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
  return new ImportError(
    'archive-several-segments',
    `“${fileName}” is a zip file with several files that could be segments (${shown}). Unpack it and drop the one you want, or drop them all.`,
    { fileName, files: shown },
  );
}
