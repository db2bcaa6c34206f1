import { describe, expect, it } from 'vitest';
import { isValidEmail, judgeEmail, normalizeEmail } from '../../shared/segments/email';

/** The rules as first written (before the fast paths), to hold the fast ones to them. */
function referenceIsValid(normalized: string): boolean {
  if (normalized.length > 254) return false;
  const at = normalized.lastIndexOf('@');
  if (at <= 0 || at !== normalized.indexOf('@')) return false;
  const local = normalized.slice(0, at);
  const domain = normalized.slice(at + 1);
  if (
    local.length > 64 ||
    !/^[^\s@"(),:;<>[\\\]]+$/u.test(local) ||
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
  return labels.every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(label));
}

function referenceNormalize(raw: string): string {
  return raw.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/g, '');
}

/** A small deterministic generator, so a failure can be replayed. */
function* randomAddresses(count: number): Generator<string> {
  const alphabet = [
    'a',
    'Z',
    '0',
    '9',
    '.',
    '-',
    '_',
    '+',
    '@',
    ' ',
    '"',
    ',',
    'é',
    'ß',
    '\u00a0',
    '\ufeff',
    '!',
    '#',
    '[',
    '\\',
  ];
  let seed = 20_260_301;
  const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
  for (let index = 0; index < count; index += 1) {
    const length = 1 + (next() % 24);
    let text = '';
    for (let char = 0; char < length; char += 1) text += alphabet[next() % alphabet.length];
    yield text;
    yield `${text.replace(/@/g, '')}@ex${text.length % 3 === 0 ? 'é' : ''}ample.${['cat', 'c', '12', 'com'][next() % 4]}`;
  }
}

describe('email rules', () => {
  it.each([
    ['anna@exemple.cat', true],
    ['josé@exemple.cat', true],
    ['anna@münchen.de', true],
    ['a.b+tag@sub.example.co.uk', true],
    ['anna@@exemple.cat', false],
    ['anna@exemple', false],
    ['.anna@exemple.cat', false],
    ['anna.@exemple.cat', false],
    ['an..na@exemple.cat', false],
    ['anna@exemple.c', false],
    ['anna@exemple.123', false],
    ['anna maria@exemple.cat', false],
    ['anna@-exemple.cat', false],
  ])('%s is %s', (address, valid) => {
    expect(isValidEmail(address)).toBe(valid);
  });

  it('trims what Excel leaves around an address', () => {
    expect(judgeEmail('\u00a0 Anna@Exemple.cat \ufeff')).toEqual({
      verdict: 'valid',
      email: 'Anna@Exemple.cat',
    });
    expect(judgeEmail('   ')).toEqual({ verdict: 'blank', email: '' });
    expect(judgeEmail(undefined)).toEqual({ verdict: 'blank', email: '' });
  });

  it('gives the same verdicts as the original rules on 20,000 random strings', () => {
    for (const raw of randomAddresses(10_000)) {
      expect(normalizeEmail(raw)).toBe(referenceNormalize(raw));
      const normalized = referenceNormalize(raw);
      expect([raw, isValidEmail(normalized)]).toEqual([raw, referenceIsValid(normalized)]);
    }
  });
});
