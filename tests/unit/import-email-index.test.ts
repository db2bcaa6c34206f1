import { describe, expect, it } from 'vitest';
import { EmailIndex } from '../../core/import/email-index';
import { isValidEmail } from '../../shared/segments/email';

/** isValidEmail's fast pattern (shared/segments/email.ts), which the index's scan follows. */
const plainAsciiPattern =
  /^(?!\.)(?!.*\.\.)[!#-'*+\--9=?A-Z^-~]{1,64}(?<!\.)@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?!\d+$)[A-Za-z0-9][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;

/** Addresses near every edge of the rules (lengths, dots, hyphens, digits), deterministically. */
function* edgeAddresses(count: number): Generator<string> {
  let seed = 20_261_203;
  const rare = ['.', '.', '-', '_', '+', '!', '{', '~', '`', '"', ' ', 'é', 'ü', '@'];
  const common = ['a', 'b', 'Z', '7', 'k', 'M', 'o', '0'];
  const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
  /** Mostly letters and digits, one character in eight from the edges. */
  const word = (longest: number) => {
    let text = '';
    const length = next() % (longest + 1);
    for (let char = 0; char < length; char += 1) {
      const pool = next() % 8 === 0 ? rare : common;
      text += pool[next() % pool.length];
    }
    return text;
  };
  const label = () => {
    const kind = next() % 4;
    if (kind === 0) return 'x'.repeat(60 + (next() % 6));
    if (kind === 1) return String(next() % 1000);
    return word(6).replace(/\./g, '') || 'b';
  };
  for (let index = 0; index < count; index += 1) {
    const local = next() % 9 === 0 ? 'l'.repeat(62 + (next() % 4)) : word(8);
    const labels = Array.from({ length: 1 + (next() % 3) }, label);
    yield `${local}@${labels.join('.')}`;
    yield word(30);
  }
  yield* ['ab@cd-.cat', 'ab@cd.ca-', 'ab@-cd.cat', 'ab@c-d.cat', 'a@b.c', 'a@b.12', 'a@1.b2'];
  yield* [
    'a.@b.cat',
    '.a@b.cat',
    'a..b@c.cat',
    'a.b@c..cat',
    '@b.cat',
    'a@b',
    'a@.b.cat',
    'a@b.cat.',
  ];
  yield `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`; // 254 long
  yield `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`; // 255 long
}

describe('EmailIndex', () => {
  it('remembers the first line of each key, exactly, through growth', () => {
    const index = new EmailIndex();
    const count = 50_000;
    for (let line = 1; line <= count; line += 1) {
      expect(index.firstLineOrAdd(`user${line}@exemple.cat`, line)).toBe(0);
    }
    expect(index.size).toBe(count);
    for (const line of [1, 2, 4_097, 32_768, count]) {
      expect(index.firstLineOrAdd(`user${line}@exemple.cat`, count + 1)).toBe(line);
    }
    expect(index.size).toBe(count);
  });

  it('compares whole keys, accents and all, never prefixes', () => {
    const index = new EmailIndex();
    expect(index.firstLineOrAdd('josé@exemple.cat', 2)).toBe(0);
    expect(index.firstLineOrAdd('jose@exemple.cat', 3)).toBe(0);
    expect(index.firstLineOrAdd('josé@exemple.ca', 4)).toBe(0);
    expect(index.firstLineOrAdd('josé@exemple.cat', 5)).toBe(2);
    expect(index.firstLineOrAdd('', 6)).toBe(0);
    expect(index.firstLineOrAdd('', 7)).toBe(6);
  });

  it('folds case as emailKey does, for plain and accented addresses alike', () => {
    const index = new EmailIndex();
    expect(index.firstLineOrAdd('Ana.Puig@Exemple.CAT', 2)).toBe(0);
    expect(index.firstLineOrAdd('ana.puig@exemple.cat', 3)).toBe(2);
    expect(index.firstLineOrAdd('JOSÉ@exemple.cat', 4)).toBe(0);
    expect(index.firstLineOrAdd('josé@EXEMPLE.cat', 5)).toBe(4);
    expect(index.size).toBe(2);
  });

  it('keeps every entry when reserved for fewer than arrive, and when reserved late', () => {
    const index = new EmailIndex();
    index.reserve(100);
    for (let line = 1; line <= 5_000; line += 1) index.firstLineOrAdd(`p${line}@x.es`, line);
    index.reserve(20_000);
    for (let line = 5_001; line <= 10_000; line += 1) index.firstLineOrAdd(`p${line}@x.es`, line);
    for (const line of [1, 100, 101, 5_000, 5_001, 10_000]) {
      expect(index.firstLineOrAdd(`P${line}@X.ES`, 0)).toBe(line);
    }
    expect(index.size).toBe(10_000);
  });

  it('checks on the way exactly as isValidEmail does, accepting only what it accepts', () => {
    const index = new EmailIndex();
    let accepted = 0;
    let line = 0;
    for (const address of edgeAddresses(20_000)) {
      line += 1;
      const scanned = index.firstLineOrAddIfPlainValid(address, line) >= 0;
      if (scanned) accepted += 1;
      // Never a yes that isValidEmail would not give: a yes skips its check.
      if (scanned) expect([address, isValidEmail(address)]).toEqual([address, true]);
      // And a yes for every plain address its fast pattern takes, so the scan is the fast path.
      const plain = address.length <= 254 && plainAsciiPattern.test(address);
      expect([address, scanned]).toEqual([address, plain]);
    }
    expect(accepted).toBeGreaterThan(2_000);
    expect(accepted).toBeLessThan(line / 2);
  });

  it('finds an address recorded by either lookup through the other, case folded', () => {
    const index = new EmailIndex();
    expect(index.firstLineOrAddIfPlainValid('Ana.Puig@Exemple.CAT', 2)).toBe(0);
    expect(index.firstLineOrAdd('ana.puig@exemple.cat', 3)).toBe(2);
    expect(index.firstLineOrAdd('pere@exemple.cat', 4)).toBe(0);
    expect(index.firstLineOrAddIfPlainValid('PERE@exemple.cat', 5)).toBe(4);
    expect(index.firstLineOrAddIfPlainValid('josé@exemple.cat', 6)).toBe(-1);
    expect(index.firstLineOrAddIfPlainValid('anna..b@exemple.cat', 7)).toBe(-1);
    expect(index.size).toBe(2);
  });
});
