import { describe, expect, it } from 'vitest';
import { EmailIndex } from '../../core/import/email-index';

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
});
