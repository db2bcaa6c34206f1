/**
 * Cuts the people of one batch into requests Ortto accepts: at most 100 people and at most 2 MB
 * of JSON each (ortto-api.md, Limits). People are measured as encoded, in UTF-8 bytes, so long
 * values or non-Latin text cannot push a body over the limit.
 */
import { orttoMaxBodyBytes, orttoMaxPeople, type OrttoPerson } from './ortto-wire';

/** Room for the envelope around `people` (merge_by, merge_strategy, ...), well over its size. */
const envelopeBytes = 1024;

interface SplitLimits {
  readonly maxPeople: number;
  readonly maxBytes: number;
}

const orttoLimits: SplitLimits = { maxPeople: orttoMaxPeople, maxBytes: orttoMaxBodyBytes };

/**
 * Groups of indexes into `people`, in order. A person too big for a request alone still gets one
 * (Ortto's answer then says what is wrong with it) rather than being dropped silently.
 */
export function splitPeople(
  people: readonly OrttoPerson[],
  limits: SplitLimits = orttoLimits,
): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let bytes = envelopeBytes;
  people.forEach((person, index) => {
    // The comma between people counts too.
    const size = Buffer.byteLength(JSON.stringify(person)) + 1;
    if (
      current.length > 0 &&
      (current.length >= limits.maxPeople || bytes + size > limits.maxBytes)
    ) {
      groups.push(current);
      current = [];
      bytes = envelopeBytes;
    }
    current.push(index);
    bytes += size;
  });
  if (current.length > 0) groups.push(current);
  return groups;
}
