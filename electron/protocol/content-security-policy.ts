/**
 * The renderer's Content Security Policy, sent as a header with every `app://` response. A
 * `<meta>` cannot carry `frame-ancestors` (browsers ignore it there, and a meta applies only
 * from where it appears in the page), so the header is the policy that counts; renderer/index.html
 * keeps the same policy in its meta for the Vite dev server and the browser tests, and
 * tests/security/app-protocol-headers.test.ts checks that the two never drift apart.
 */
const directives: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'", 'data:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'", 'blob:'],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const contentSecurityPolicy = directives.map((parts) => parts.join(' ')).join('; ');
