import type { ErrorParams } from '../../shared/model/error-params';

/**
 * Why a file could not be imported, in words a marketer understands. `code` lets the Segments
 * screen show the message in the person's language (a test checks every code has its sentence);
 * `params` fills it in.
 */
export const importErrorCodes = [
  'file-not-found',
  'not-a-file',
  'unreadable',
  'empty-file',
  'no-rows',
  'not-text',
  'too-large',
  'not-enough-space',
  'disk-full',
  'unclosed-quote',
  'swallowed-rows',
  'value-too-long',
  'invalid-text-bytes',
  'mixed-encodings',
  'nul-character',
  'no-fitting-rows',
  'source-changed',
  // Issue 14: export folders, workbooks and packed files.
  'not-a-regular-file',
  'folder-without-schema',
  'cdm-damaged',
  'cdm-no-entity',
  'cdm-unknown-entity',
  'cdm-part-missing',
  'cdm-part-columns',
  'workbook-protected',
  'workbook-old-format',
  'workbook-damaged',
  'workbook-no-rows',
  'workbook-unknown-sheet',
  'gzip-damaged',
  'archive-damaged',
  'archive-too-large',
  'archive-no-segment',
  'archive-several-segments',
] as const;
type ImportErrorCode = (typeof importErrorCodes)[number];

/** Import failures that are not ImportErrors: an unexpected one, and a path nobody granted. */
export const otherImportFailureCodes = ['import-failed', 'not-granted'] as const;

type ImportErrorParams = ErrorParams;

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;
  readonly params: ImportErrorParams;

  constructor(code: ImportErrorCode, message: string, params: ImportErrorParams = {}) {
    super(message);
    this.code = code;
    this.params = params;
  }
}

const units = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1536 → "1.5 KB": sizes as people read them in their file manager. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}
