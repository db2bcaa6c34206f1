import { isValidEmail, normalizeEmail } from '../segments/email';
import { emailHeads, emailSynonyms, notTheValueWords } from './field-synonyms';
import { createHeaderMatcher, isWholeNameScore } from './header-score';

/** Sample data rows, cells in column order (as the importer and the snapshot hold them). */
export type SampleRows = readonly (readonly string[])[];

const emailMatcher = createHeaderMatcher(emailSynonyms, emailHeads, notTheValueWords);

/** Most values must look like addresses before a column's contents outweigh its header. */
const mostlyEmails = 0.5;

/** Share of the non-blank sample values in a column that are valid addresses; null when all blank. */
function emailShare(sampleRows: SampleRows, columnIndex: number): number | null {
  let filled = 0;
  let valid = 0;
  for (const row of sampleRows) {
    const value = normalizeEmail(row[columnIndex] ?? '');
    if (value === '') continue;
    filled += 1;
    if (isValidEmail(value)) valid += 1;
  }
  return filled === 0 ? null : valid / filled;
}

interface Candidate {
  readonly index: number;
  readonly header: number;
  readonly share: number | null;
}

function rank(a: Candidate, b: Candidate): number {
  const aEmails = (a.share ?? 0) >= mostlyEmails ? 1 : 0;
  const bEmails = (b.share ?? 0) >= mostlyEmails ? 1 : 0;
  if (aEmails !== bEmails) return bEmails - aEmails;
  if (a.header !== b.header) return b.header - a.header;
  return (b.share ?? 0) - (a.share ?? 0) || a.index - b.index;
}

/**
 * The column holding the email, or null when nothing looks like one. The header decides
 * (`PrimaryEmail`, `Correu electrònic`, `E-Mail-Adresse`...); with sample rows, a named column
 * whose values are mostly addresses beats one whose values are not (an `Email` column full of
 * "yes"/"no"), a header that only mentions an email (`Contact email`) counts only when its values
 * are addresses, and an unnamed column full of addresses is found too.
 */
export function detectEmailColumn(
  columns: readonly string[],
  sampleRows: SampleRows = [],
): string | null {
  const candidates: Candidate[] = columns.map((column, index) => ({
    index,
    header: emailMatcher.score(column),
    share: sampleRows.length > 0 ? emailShare(sampleRows, index) : null,
  }));
  const plausible = candidates.filter(
    (candidate) =>
      (candidate.share ?? 0) >= mostlyEmails ||
      isWholeNameScore(candidate.header) ||
      // A header that only mentions an email (`Contact email`) needs values that agree.
      (candidate.header > 0 && candidate.share === null),
  );
  const best = plausible.sort(rank)[0];
  return best === undefined ? null : (columns[best.index] ?? null);
}
