import { describe, expect, it } from 'vitest';
import { FirstSeenEmails } from '../../core/upload/first-seen-emails';

describe('first-seen emails', () => {
  it('returns the first line of a repeated key and nothing for a new one', () => {
    const seen = new FirstSeenEmails();
    expect(seen.firstLine('anna@example.cat', 2)).toBeUndefined();
    expect(seen.firstLine('joan@example.cat', 3)).toBeUndefined();
    expect(seen.firstLine('anna@example.cat', 9)).toBe(2);
    expect(seen.firstLine('anna@example.ca', 10)).toBeUndefined();
    expect(seen.firstLine('núria.müller@exemple.cat', 11)).toBeUndefined();
    expect(seen.firstLine('núria.müller@exemple.cat', 12)).toBe(11);
    expect(seen.size).toBe(4);
  });

  it('stays exact through growth, over 200,000 keys, as a Map would', () => {
    const seen = new FirstSeenEmails();
    const reference = new Map<string, number>();
    const mismatches: string[] = [];
    for (let index = 0; index < 200_000; index += 1) {
      // Every third key repeats an earlier one.
      const key = index % 3 === 2 ? `p${index >> 1}@x.example` : `p${index}@x.example`;
      const expected = reference.get(key);
      if (expected === undefined) reference.set(key, index);
      if (seen.firstLine(key, index) !== expected) mismatches.push(key);
    }
    expect(mismatches).toEqual([]);
    expect(seen.size).toBe(reference.size);
  });
});
