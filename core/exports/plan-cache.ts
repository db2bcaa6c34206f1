/**
 * Recounting only when a change can change the count (issue 17, item 8: every matching change
 * recounted a 1,000,000-row segment, ~15 s). What the plan counts depends only on the email
 * column, the consent column and the fields whose values are converted; a text field (First
 * name, Company, a custom string) can never make a row invalid, a duplicate or a misfit. So the
 * count of a segment is kept under that projection of its mapping, and a text-field change is
 * answered from it. Snapshots never change (a new import is a new segment id), so an entry never
 * goes stale; a few are kept, the oldest dropped. Other changes under the same email column are
 * answered from the column facts kept beside the counts (core/exports/facts-recount.ts); those cost
 * a few megabytes per million rows, so fewer are kept.
 */
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { findStandardField } from '../destination-port/standard-fields';
import type { CountedSegment } from './count-misfits';
import type { KeptFacts } from './facts-recount';

const capacity = 16;
const factsCapacity = 2;

/** Keeps the newest `limit` entries of a map, the least recently used dropped first. */
function keepNewest<V>(entries: Map<string, V>, key: string, value: V, limit: number): void {
  entries.delete(key);
  entries.set(key, value);
  while (entries.size > limit) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

function takeFreshest<V>(entries: Map<string, V>, key: string): V | undefined {
  const found = entries.get(key);
  if (found !== undefined) keepNewest(entries, key, found, Infinity);
  return found;
}

/** The part of a mapping a count depends on, as a stable key. */
export function validityKey(segmentId: string, mapping: FieldMapping): string {
  const typedStandard = Object.entries(mapping.standard)
    .filter(([key]) => (findStandardField(key)?.type ?? 'string') !== 'string')
    .sort(([a], [b]) => a.localeCompare(b));
  const typedCustom = mapping.custom
    .filter((field) => field.type !== 'string')
    .map((field) => [field.name, field.type, field.column])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return JSON.stringify([
    segmentId,
    mapping.email,
    mapping.emailConsent ?? null,
    typedStandard,
    typedCustom,
  ]);
}

export interface PlanCache {
  get(segmentId: string, mapping: FieldMapping): CountedSegment | undefined;
  set(segmentId: string, mapping: FieldMapping, counted: CountedSegment): void;
  /** The column facts recorded by a count of this segment under this email column. */
  facts(segmentId: string, emailColumn: string): KeptFacts | undefined;
  keepFacts(segmentId: string, emailColumn: string, facts: KeptFacts): void;
  /**
   * Starts a count of these segments; a later start for the same segments supersedes it, and the
   * answer tells whether it is still the newest (issue 17 item 8: a superseded count is cancelled).
   */
  begin(segmentIds: readonly string[]): () => boolean;
}

export function createPlanCache(): PlanCache {
  const entries = new Map<string, CountedSegment>();
  const factsEntries = new Map<string, KeptFacts>();
  const generations = new Map<string, number>();
  const factsKey = (segmentId: string, emailColumn: string) =>
    JSON.stringify([segmentId, emailColumn]);
  return {
    get: (segmentId, mapping) => takeFreshest(entries, validityKey(segmentId, mapping)),
    set(segmentId, mapping, counted) {
      keepNewest(entries, validityKey(segmentId, mapping), counted, capacity);
    },
    facts: (segmentId, emailColumn) => takeFreshest(factsEntries, factsKey(segmentId, emailColumn)),
    keepFacts(segmentId, emailColumn, facts) {
      keepNewest(factsEntries, factsKey(segmentId, emailColumn), facts, factsCapacity);
    },
    begin(segmentIds) {
      const key = JSON.stringify([...segmentIds].sort());
      const generation = (generations.get(key) ?? 0) + 1;
      generations.set(key, generation);
      return () => generations.get(key) === generation;
    },
  };
}
