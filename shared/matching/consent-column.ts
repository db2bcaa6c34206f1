/**
 * The column that says whether the person agreed to receive email (issue 17, item 4), found from
 * its header in the matcher's five languages and the names common exports use. Only headers that
 * say "agreed" count: a "Do not email" or "Unsubscribed" column means the opposite, and reading it
 * the wrong way round would subscribe the very people who asked to be left alone, so those are
 * never matched here.
 */
import { compactHeader } from './header-words';

const emailConsentNames: readonly string[] = [
  'Agreed to receive email',
  'Email consent',
  'Email opt-in',
  'Email opt in',
  'Opt-in',
  'Opted in',
  'Marketing consent',
  'Email marketing consent',
  'Accepts marketing',
  'Accepts email marketing',
  'Newsletter consent',
  'Subscribed to newsletter',
  'Accepta correus',
  'Accepta rebre correus',
  'Consentiment',
  'Consentiment de correu',
  'Consentiment màrqueting',
  'Acepta correos',
  'Acepta recibir correos',
  'Consentimiento',
  'Consentimiento de email',
  'Accepte les emails',
  'Accepte de recevoir des emails',
  'Consentement',
  'Consentement email',
  'E-Mail-Einwilligung',
  'Einwilligung',
  'Newsletter-Einwilligung',
  'Marketing-Einwilligung',
];

const compactNames = new Set(emailConsentNames.map(compactHeader));

/** The first column whose header names email consent, or null. */
export function detectConsentColumn(
  columns: readonly string[],
  taken: ReadonlySet<string> = new Set(),
): string | null {
  return (
    columns.find((column) => !taken.has(column) && compactNames.has(compactHeader(column))) ?? null
  );
}
