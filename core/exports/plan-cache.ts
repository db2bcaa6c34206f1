/**
 * Recounting only when a change can change the count (issue 17, item 8: every matching change
 * recounted a 1,000,000-row segment, ~15 s). What the plan counts depends only on the email
 * column, the consent column and the fields whose values are converted; a text field (First
 * name, Company, a custom string) can never make a row invalid, a duplicate or a misfit. So the
 * count of a segment is kept under that projection of its mapping, and a text-field change is
 * answered from it. Snapshots never change (a new import is a new segment id), so an entry never
 * goes stale; a few are kept, the oldest dropped.
 */
import type { Misfit } from '../../shared/ipc/channels/export-plan';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { findStandardField } from '../autopilot/standard-fields';
import type { PlannedSegment } from '../upload/export-plan';

export interface CountedSegment {
  readonly planned: PlannedSegment;
  readonly misfits: readonly Misfit[];
}

const capacity = 16;

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
}

export function createPlanCache(): PlanCache {
  const entries = new Map<string, CountedSegment>();
  return {
    get(segmentId, mapping) {
      const key = validityKey(segmentId, mapping);
      const found = entries.get(key);
      if (found) {
        // Most recently used last, so the oldest is the first dropped.
        entries.delete(key);
        entries.set(key, found);
      }
      return found;
    },
    set(segmentId, mapping, counted) {
      const key = validityKey(segmentId, mapping);
      entries.delete(key);
      entries.set(key, counted);
      while (entries.size > capacity) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
