import path from 'node:path';
import { formatBytes, ImportError } from '../../core/import/import-error';
import { readSegmentFile, type ReadSegment } from '../../core/import/read-segment-file';
import { autoMatch, detectEmailColumn } from '../../shared/matching/auto-match';
import {
  delimiterNames,
  type ImportProblem,
  type SegmentEncoding,
} from '../../shared/segments/import-report';
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

function summaryObject(read: ReadSegment) {
  const { counts } = read.report;
  return {
    file: read.source.path,
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

export function describeProblem(problem: ImportProblem): string {
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

function readableSummary(read: ReadSegment): string {
  const { counts } = read.report;
  const bom = read.format.hasBom ? ' with BOM' : '';
  const mapping = Object.entries(mappingOf(read));
  const lines = [
    `${read.source.fileName} (${formatBytes(read.source.size)}, ${encodingNames[read.format.encoding]}${bom}, ${delimiterNames[read.format.delimiter]}-separated)`,
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
  synopsis: 'inspect <file> [--no-header] [--json]',
  summary:
    'Check a segment file: format, rows, valid, invalid and duplicate emails, matched fields.',
  async run(args, io) {
    const flags = parseFlags(args, { json: 'switch', 'no-header': 'switch' });
    const [file, ...extra] = flags.positionals;
    if (file === undefined) throw new UsageError('inspect needs the file to check.');
    if (extra.length > 0) throw new UsageError('inspect checks one file at a time.');
    const json = flags.switches.has('json');
    try {
      const noHeader = flags.switches.has('no-header');
      const read = await readSegmentFile({
        sourcePath: path.resolve(file),
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
