/**
 * How header names are compared: case, accents, spacing and punctuation never matter, so
 * `E-mail Address`, `email_address` and `EMAILADDRESS` all read the same, and `Correu electrònic`
 * matches `correu electronic`.
 */

/** Lower case, accents removed, everything but letters and digits dropped. */
export function compactHeader(name: string): string {
  return stripAccents(name)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The header's words, split on spaces, punctuation and camelCase humps: `PrimaryEmail` → primary, email. */
export function headerWords(name: string): string[] {
  return stripAccents(name)
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

function stripAccents(name: string): string {
  // ß has no decomposition; Straße and Strasse are the same word to a German reader.
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/\ufeff/g, '');
}
