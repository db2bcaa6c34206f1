/**
 * Between the Export screen's draft and what is saved or was sent: a saved setup opened, the
 * setup to save, and an earlier export loaded for "Export again".
 */
import type {
  ExportAgain,
  ExportSetup,
  ListChoice,
  SaveSetupInput,
} from '../../../../shared/model/exports';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { emptyDraft, type ExportDraft, type MappingSeed } from './export-draft';
import { mappingFromRows, rowsFromMapping } from './match-rows';
import type { ShapeGroup } from './use-export-setup';

export function draftFromSetup(
  setup: ExportSetup,
  segmentsById: ReadonlyMap<string, SegmentSummary>,
  destinationIds: readonly string[],
): { draft: ExportDraft; missingSegments: string[]; missingDestination: boolean } {
  const present = setup.segments.filter((segment) => segmentsById.has(segment.segmentId));
  const missingDestination =
    setup.destinationId !== null && !destinationIds.includes(setup.destinationId);
  const draft: ExportDraft = {
    ...emptyDraft,
    destinationId: missingDestination ? null : setup.destinationId,
    segmentIds: present.map((segment) => segment.segmentId),
    matching: Object.fromEntries(
      setup.mappings.map((entry) => [
        entry.signature,
        { rows: rowsFromMapping(entry.mapping), source: 'setup' as const },
      ]),
    ),
    lists: Object.fromEntries(present.map((segment) => [segment.segmentId, segment.list])),
    mirror: setup.mirror ?? false,
  };
  const missingSegments = setup.segments
    .filter((segment) => !segmentsById.has(segment.segmentId))
    .map((segment) => segment.segmentName);
  return { draft, missingSegments, missingDestination };
}

export function setupToSave(
  draft: ExportDraft,
  groups: readonly ShapeGroup[],
  name: string,
  id: string | undefined,
): SaveSetupInput {
  return {
    ...(id === undefined ? {} : { id }),
    name,
    destinationId: draft.destinationId,
    segments: draft.segmentIds.map((segmentId) => ({
      segmentId,
      list: draft.lists[segmentId] ?? { kind: 'segment' },
    })),
    mappings: groups.flatMap((group) => {
      const mapping = group.matching ? mappingFromRows(group.matching.rows) : null;
      // A matching without its email cannot be used again, so it is not saved.
      return mapping && mapping.email !== '' ? [{ signature: group.signature, mapping }] : [];
    }),
    ...(draft.mirror ? { mirror: true } : {}),
  };
}

/** The list a job used, as a choice: named after the segment when it still is. */
export function listChoiceFor(listName: string, segmentName: string): ListChoice {
  return listName.trim().toLowerCase() === segmentName.trim().toLowerCase()
    ? { kind: 'segment' }
    : { kind: 'existing', name: listName };
}

/** The earlier export's destination, its segments still usable as they were, and their setup. */
export function draftFromAgain(again: ExportAgain): ExportDraft {
  const usable = again.segments.filter(
    (segment) => segment.state === 'ready' && segment.segmentId !== null,
  );
  const seeds: Record<string, MappingSeed> = {};
  const lists: Record<string, ListChoice> = {};
  for (const segment of usable) {
    const segmentId = segment.segmentId as string;
    seeds[segmentId] = { mapping: segment.mapping, source: 'job' };
    lists[segmentId] = listChoiceFor(segment.listName, segment.name);
  }
  return {
    ...emptyDraft,
    destinationId: again.destinationId,
    segmentIds: usable.map((segment) => segment.segmentId as string),
    seeds,
    lists,
    mirror: again.mirror ?? false,
  };
}
