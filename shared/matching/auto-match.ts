import type { FieldMapping } from './field-mapping';
import { detectConsentColumn } from './consent-column';
import { detectEmailColumn, type SampleRows } from './email-column';
import { notTheValueWords } from './field-synonyms';
import { ambiguousNom, standardFieldNames } from './standard-field-names';
import { createHeaderMatcher, type HeaderMatcher } from './header-score';
import { compactHeader } from './header-words';

interface FieldMatcher {
  readonly key: string;
  readonly order: number;
  readonly matcher: HeaderMatcher;
}

const fieldMatchers: readonly FieldMatcher[] = standardFieldNames.map((field, order) => ({
  key: field.key,
  order,
  matcher: createHeaderMatcher(field.names, field.heads, notTheValueWords),
}));

/** The Autopilot standard field keys auto-matching knows, Email first. */
export const matchableFieldKeys: readonly string[] = [
  'Email',
  ...standardFieldNames.map((field) => field.key),
];

interface Pairing {
  readonly key: string;
  readonly order: number;
  readonly column: string;
  readonly columnIndex: number;
  readonly score: number;
}

/** `Nom`: the surname beside a French `Prénom`, else the first name (Catalan). */
function nomField(columns: readonly string[]): string {
  const french = compactHeader(ambiguousNom.frenchCompanion);
  return columns.some((column) => compactHeader(column) === french) ? 'LastName' : 'FirstName';
}

function pairings(columns: readonly string[], emailColumn: string | null): Pairing[] {
  const nom = compactHeader(ambiguousNom.name);
  const nomKey = nomField(columns);
  const found: Pairing[] = [];
  columns.forEach((column, columnIndex) => {
    if (column === emailColumn) return;
    for (const field of fieldMatchers) {
      const score =
        compactHeader(column) === nom
          ? field.key === nomKey
            ? 1000
            : 0
          : field.matcher.score(column);
      if (score > 0) found.push({ key: field.key, order: field.order, column, columnIndex, score });
    }
  });
  return found.sort(
    (a, b) => b.score - a.score || a.columnIndex - b.columnIndex || a.order - b.order,
  );
}

/**
 * Matches file columns to Autopilot's standard fields from their header names (five languages
 * and the names common exports use), the same way in the app and on the command line.
 *
 * The email column is always chosen: when several look like one, the best named one whose sample
 * values are addresses wins; when none does, the first column stands in so the mapping stays
 * complete (call detectEmailColumn to know whether the choice is real). One column never feeds
 * two fields, and one field takes one column: the strongest match wins, then the leftmost.
 */
export function autoMatch(columns: readonly string[], sampleRows?: SampleRows): FieldMapping {
  const emailColumn = detectEmailColumn(columns, sampleRows);
  const email = emailColumn ?? columns[0] ?? '';
  const usedColumns = new Set<string>([email]);
  const standard: Record<string, string> = {};
  for (const pairing of pairings(columns, email)) {
    if (usedColumns.has(pairing.column) || standard[pairing.key] !== undefined) continue;
    standard[pairing.key] = pairing.column;
    usedColumns.add(pairing.column);
  }
  const consent = detectConsentColumn(columns, usedColumns);
  // Opt-outs are left out unless the person chooses otherwise (product.md, Guarantees).
  return consent
    ? { email, standard, custom: [], emailConsent: { column: consent, optedOut: 'leave-out' } }
    : { email, standard, custom: [] };
}
