import type { SegmentDelimiter } from '../../shared/segments/import-report';

/**
 * Excel's separator hint: a first line `sep=;` (or `sep=,`, `sep=\t`, `sep=|`) names the
 * separator and is not part of the data (../shared/docs/exports.md, issue 14 item 3).
 */
const hintLine = /^"?sep=(\\t|[,;\t|])"?[ \t]*$/i;

interface SeparatorHint {
  readonly delimiter: SegmentDelimiter;
  /** The text after the hint's line. */
  readonly rest: string;
}

export function readSeparatorHint(text: string): SeparatorHint | null {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
  const first = end === -1 ? text : text.slice(0, end);
  const match = hintLine.exec(first);
  if (!match) return null;
  const named = match[1] as string;
  const delimiter = (named === '\\t' ? '\t' : named) as SegmentDelimiter;
  if (end === -1) return { delimiter, rest: '' };
  const after = text.startsWith('\r\n', end) ? end + 2 : end + 1;
  return { delimiter, rest: text.slice(after) };
}
