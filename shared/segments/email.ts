/**
 * Email rules shared by the importer, the field-matching screen and the upload engine, so every
 * count a marketer sees is computed the same way.
 */

function isPrintableAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/** Trims spaces (including non-breaking ones Excel leaves) around an address. */
export function normalizeEmail(raw: string): string {
  // Fast path for the usual case, an address with nothing around it: a million-row import calls
  // this once per row.
  if (
    raw.length > 0 &&
    isPrintableAscii(raw.charCodeAt(0)) &&
    isPrintableAscii(raw.charCodeAt(raw.length - 1))
  ) {
    return raw;
  }
  return raw.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/g, '');
}

/** The key two addresses are compared by: Autopilot dedupes by email, case-insensitively. */
export function emailKey(normalized: string): string {
  return normalized.toLowerCase();
}

// Pragmatic syntax check (what mail platforms accept), not full RFC 5322: one @, a dotted domain,
// no spaces, labels of letters, digits and hyphens (IDN allowed as Unicode letters).
const localPart = /^[^\s@"(),:;<>[\\\]]+$/u;
const domainLabel = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
// The common case in one pass: a plain-ASCII address these rules accept. Anything it rejects
// (non-ASCII, or invalid) goes through the full check below, so it only ever says yes early.
const plainAsciiValid =
  /^(?!\.)(?!.*\.\.)[!#-'*+\--9=?A-Z^-~]{1,64}(?<!\.)@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?!\d+$)[A-Za-z0-9][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;

export function isValidEmail(normalized: string): boolean {
  if (normalized.length > 254) return false;
  if (plainAsciiValid.test(normalized)) return true;
  const at = normalized.lastIndexOf('@');
  if (at <= 0 || at !== normalized.indexOf('@')) return false;
  const local = normalized.slice(0, at);
  const domain = normalized.slice(at + 1);
  if (
    local.length > 64 ||
    !localPart.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..')
  ) {
    return false;
  }
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const topLevel = labels[labels.length - 1] ?? '';
  if (topLevel.length < 2 || /^\d+$/.test(topLevel)) return false;
  return labels.every((label) => domainLabel.test(label));
}

type EmailVerdict = 'valid' | 'blank' | 'invalid';

export function judgeEmail(raw: string | undefined): { verdict: EmailVerdict; email: string } {
  const email = normalizeEmail(raw ?? '');
  if (email === '') return { verdict: 'blank', email };
  return { verdict: isValidEmail(email) ? 'valid' : 'invalid', email };
}
