import { compactHeader, headerWords } from './header-words';

/** How well a header names a field: 0 when it does not. Whole-name matches beat head words. */
export interface HeaderMatcher {
  score(header: string): number;
}

const wholeNameScore = 1000;
const headWordScore = 500;

/** Whether a score came from the whole header being one of the field's names. */
export function isWholeNameScore(score: number): boolean {
  return score > headWordScore;
}

function containsSequence(words: readonly string[], sequence: readonly string[]): boolean {
  if (sequence.length === 0 || sequence.length > words.length) return false;
  for (let start = 0; start + sequence.length <= words.length; start += 1) {
    if (sequence.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

/**
 * Builds a matcher from the names a field goes by. Earlier names score a little higher, so
 * `EmailAddress1` beats `EmailAddress2` when a file has both.
 */
export function createHeaderMatcher(
  names: readonly string[],
  heads: readonly string[] = [],
  excludedWords: readonly string[] = [],
): HeaderMatcher {
  const compactNames = new Map<string, number>();
  names.forEach((name, index) => {
    const compact = compactHeader(name);
    if (!compactNames.has(compact)) compactNames.set(compact, index);
  });
  const headSequences = heads.map((head) => headerWords(head));
  const excluded = new Set(excludedWords);
  return {
    score(header) {
      const exact = compactNames.get(compactHeader(header));
      if (exact !== undefined) return wholeNameScore - exact;
      const words = headerWords(header);
      if (words.some((word) => excluded.has(word))) return 0;
      const index = headSequences.findIndex((sequence) => containsSequence(words, sequence));
      return index < 0 ? 0 : headWordScore - index * 2 - words.length;
    },
  };
}
