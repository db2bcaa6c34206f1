import path from 'node:path';
import { formatBytes, ImportError } from '../../core/import/import-error';
import { readSegmentFile } from '../../core/import/read-segment-file';
import type { ReadSegment } from '../../core/import/read-types';
import { autoMatch } from '../../shared/matching/auto-match';
import { detectEmailColumn } from '../../shared/matching/email-column';
import {
  delimiterNames,
  type ImportProblem,
  type SegmentEncoding,
} from '../../shared/segments/import-report';
import type { SegmentShape } from '../../shared/segments/segment-shape';
import { UsageError, type CliCommand } from '../command';
import { exitCodes } from '../exit-codes';
import { parseFlags } from '../push/parse-flags';

/**
 * `inspect <file> [--json]`: reads a segment file exactly as the app's import does (the same
 * detection, validation and auto-matching) and says what it holds. Writes nothing: no data folder
 * is needed.
 */

const encodingNames: Record<SegmentEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

/** Field to column, Email first, as `push --map` spells it; no Email when nothing looks like one. */
function mappingOf(read: ReadSegment): Record<string, string> {
  const mapping = autoMatch(read.columns, read.report.preview);
  const email = detectEmailColumn(read.columns, read.report.preview);
  return { ...(email === null ? {} : { Email: mapping.email }), ...mapping.standard };
}

/** `source` always; `sheet`, `entity`, `parts` and what a zip held where they apply. */
function shapeFields(shape: SegmentShape) {
  return {
    source: shape.source,
    ...(shape.inner === undefined ? {} : { inner: shape.inner }),
    ...(shape.sheet === undefined ? {} : { sheet: shape.sheet }),
    ...(shape.entity === undefined ? {} : { entity: shape.entity }),
    ...(shape.parts === undefined ? {} : { parts: shape.parts }),
    ...(shape.choices === undefined ? {} : { choices: shape.choices }),
  };
}

const sourceNames: Record<SegmentShape['source'], string> = {
  csv: 'text file',
  cdm: 'Customer Insights export',
  xlsx: 'workbook',
  gzip: 'gzip file',
  zip: 'zip file',
};

/** "Customer Insights export, table Contacts, 3 parts (other tables: Orders; pick with --entity)". */
function describeShape(shape: SegmentShape): string | null {
  if (shape.source === 'csv') return null;
  const words = [sourceNames[shape.source]];
  if (shape.inner) words[0] += ` holding a ${sourceNames[shape.inner]}`;
  if (shape.sheet !== undefined) words.push(`sheet ${shape.sheet}`);
  if (shape.entity !== undefined) words.push(`table ${shape.entity}`);
  if (shape.parts !== undefined) words.push(`${shape.parts} part${shape.parts === 1 ? '' : 's'}`);
  const flag =
    shape.sheet !== undefined
      ? 'sheets: %s; pick one with --sheet'
      : 'tables: %s; pick one with --entity';
  const others = shape.choices?.length
    ? ` (other ${flag.replace('%s', shape.choices.join(', '))})`
    : '';
  return `Read from: ${words.join(', ')}${others}`;
}

function summaryObject(read: ReadSegment) {
  const { counts } = read.report;
  return {
    file: read.source.path,
    ...shapeFields(read.shape),
    fileName: read.source.fileName,
    size: read.source.size,
    sha256: read.source.sha256,
    encoding: read.format.encoding,
    hasBom: read.format.hasBom,
    delimiter: read.format.delimiter,
    columns: read.columns,
    hasHeader: read.hasHeader ?? true,
    emailColumn: read.emailColumn,
    rows: counts.rows,
    valid: counts.valid,
    invalid: counts.invalid,
    blank: counts.blank,
    duplicates: counts.duplicates,
    wrongFieldCount: counts.wrongFieldCount,
    mapping: mappingOf(read),
    problemCount: read.report.problemCount,
    problems: read.report.problems,
  };
}

const count = (value: number) => value.toLocaleString('en-US');

function describeProblem(problem: ImportProblem): string {
  switch (problem.kind) {
    case 'invalid-email':
      return `"${problem.value}" is not a valid email address`;
    case 'blank-email':
      return 'no email address';
    case 'duplicate-email':
      return `"${problem.value}" is a duplicate of line ${problem.firstLine}`;
    case 'wrong-field-count':
      return `${problem.actual} values where the header has ${problem.expected}`;
    case 'unclosed-quote':
      return 'a quote (") opens here and never closes; the rest of the file was read as one value';
  }
}

const rewritten = (shape: SegmentShape) => ['xlsx', 'cdm'].includes(shape.inner ?? shape.source);

function readableSummary(read: ReadSegment): string {
  const { counts } = read.report;
  const bom = read.format.hasBom ? ' with BOM' : '';
  const mapping = Object.entries(mappingOf(read));
  const lines = [
    // A workbook's or an export folder's cells are not text in an encoding with a separator.
    rewritten(read.shape)
      ? `${read.source.fileName} (${formatBytes(read.source.size)})`
      : `${read.source.fileName} (${formatBytes(read.source.size)}, ${encodingNames[read.format.encoding]}${bom}, ${delimiterNames[read.format.delimiter]}-separated)`,
    ...[describeShape(read.shape)].filter((line): line is string => line !== null),
    `Columns (${read.columns.length}): ${read.columns.join(', ')}`,
    '',
    `Rows               ${count(counts.rows).padStart(12)}`,
    `Valid emails       ${count(counts.valid).padStart(12)}`,
    `Invalid emails     ${count(counts.invalid).padStart(12)}`,
    `Blank emails       ${count(counts.blank).padStart(12)}`,
    `Duplicates         ${count(counts.duplicates).padStart(12)}`,
    `Wrong field count  ${count(counts.wrongFieldCount).padStart(12)}`,
    ...(counts.wrongFieldCount > 0
      ? ['Rows with the wrong number of values are set aside: they are not sent.']
      : []),
    ...(read.hasHeader === false ? ['No header row: the first row is data.'] : []),
    '',
    read.emailColumn === null
      ? 'No column looks like an email address: name it with push --map Email=<column>.'
      : `Email column: ${read.emailColumn}`,
    mapping.length > 0
      ? `Auto-matched: ${mapping.map(([field, column]) => `${field} <- ${column}`).join(', ')}`
      : 'Auto-matched: nothing',
  ];
  const { problems, problemCount } = read.report;
  if (problemCount > 0) {
    const more = problemCount > problems.length ? ` (first ${problems.length} shown)` : '';
    lines.push('', `Problems: ${count(problemCount)}${more}`);
    for (const problem of problems)
      lines.push(`  line ${problem.line}: ${describeProblem(problem)}`);
  } else {
    lines.push('', 'No problems found.');
  }
  return `${lines.join('\n')}\n`;
}

export const inspectCommand: CliCommand = {
  name: 'inspect',
  synopsis:
    'inspect <file or export folder> [--sheet <name>] [--entity <name>] [--no-header] [--json]',
  summary:
    'Check a segment file: format, rows, valid, invalid and duplicate emails, matched fields.',
  async run(args, io) {
    const flags = parseFlags(args, {
      json: 'switch',
      sheet: 'text',
      entity: 'text',
      'no-header': 'switch',
    });
    const [file, ...extra] = flags.positionals;
    if (file === undefined) throw new UsageError('inspect needs the file to check.');
    if (extra.length > 0) throw new UsageError('inspect checks one file at a time.');
    const json = flags.switches.has('json');
    try {
      const noHeader = flags.switches.has('no-header');
      const choice = { sheet: flags.text.get('sheet'), entity: flags.text.get('entity') };
      const read = await readSegmentFile({
        sourcePath: path.resolve(file),
        choice,
        ...(noHeader ? { overrides: { noHeader } } : {}),
      });
      io.stdout.write(json ? `${JSON.stringify(summaryObject(read))}\n` : readableSummary(read));
      return exitCodes.success;
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      if (json) {
        io.stdout.write(
          `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`,
        );
      }
      io.stderr.write(`${error.message}\n`);
      return exitCodes.badInput;
    }
  },
};
