import { useEffect, useMemo, useReducer } from 'react';
import type {
  ExportSegmentInput,
  ListChoice,
  SegmentShape,
} from '../../../../shared/model/exports';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { useSegments } from '../segments/use-segments';
import { draftReducer, emptyDraft, type ShapeMatching } from './export-draft';
import {
  initialMapping,
  mappingFits,
  mappingFromRows,
  matchingChecks,
  rowsFromMapping,
} from './match-rows';
import { useExportPlan, useSegmentShapes } from './use-exports';

/** Segments that share a header signature, and so one matching table. */
export interface ShapeGroup {
  readonly signature: string;
  readonly segments: readonly SegmentSummary[];
  readonly matching: ShapeMatching | undefined;
}

export function listNameOf(segment: SegmentSummary, choice: ListChoice | undefined): string {
  return choice?.kind === 'existing' ? choice.name : segment.name;
}

function groupByShape(
  chosen: readonly SegmentSummary[],
  shapes: ReadonlyMap<string, SegmentShape>,
  matching: Readonly<Record<string, ShapeMatching>>,
): ShapeGroup[] {
  const groups = new Map<string, SegmentSummary[]>();
  for (const segment of chosen) {
    const signature = shapes.get(segment.id)?.signature;
    if (signature === undefined) continue;
    groups.set(signature, [...(groups.get(signature) ?? []), segment]);
  }
  return [...groups].map(([signature, segments]) => ({
    signature,
    segments,
    matching: matching[signature],
  }));
}

/**
 * The Export screen's state: the draft, the segments it names, their shapes (and remembered
 * matching), the first matching of each new shape, and the engine's counts for the whole export.
 */
export function useExportSetup() {
  const segmentsQuery = useSegments();
  const [draft, dispatch] = useReducer(draftReducer, emptyDraft);
  const segmentsById = useMemo(
    () => new Map((segmentsQuery.data ?? []).map((segment) => [segment.id, segment])),
    [segmentsQuery.data],
  );
  const chosen = useMemo(
    () => draft.segmentIds.flatMap((id) => segmentsById.get(id) ?? []),
    [draft.segmentIds, segmentsById],
  );
  const shapesQuery = useSegmentShapes(chosen.map((segment) => segment.id));
  const shapes = useMemo(
    () => new Map((shapesQuery.data ?? []).map((shape) => [shape.segmentId, shape])),
    [shapesQuery.data],
  );

  useEffect(() => {
    for (const segment of chosen) {
      const shape = shapes.get(segment.id);
      if (!shape || draft.matching[shape.signature]) continue;
      const seed = draft.seeds[segment.id];
      const useSeed = seed !== undefined && mappingFits(seed.mapping, segment.columns);
      const mapping = useSeed
        ? seed.mapping
        : (shape.remembered ?? initialMapping(segment.columns, segment.preview));
      const source = useSeed ? seed.source : shape.remembered ? 'remembered' : 'auto';
      dispatch({
        type: 'initMatching',
        signature: shape.signature,
        matching: { rows: rowsFromMapping(mapping), source },
      });
    }
  }, [chosen, shapes, draft.matching, draft.seeds]);

  const groups = useMemo(
    () => groupByShape(chosen, shapes, draft.matching),
    [chosen, shapes, draft.matching],
  );
  // A segment whose matching has a problem blocks only itself (issue 17, item 3): the others
  // are still counted and previewed; Start needs them all.
  const countable = useMemo((): ExportSegmentInput[] => {
    const bySignature = new Map(groups.map((group) => [group.signature, group]));
    const built: ExportSegmentInput[] = [];
    for (const segment of chosen) {
      const group = bySignature.get(shapes.get(segment.id)?.signature ?? '');
      if (!group?.matching || matchingChecks(group.matching.rows).blocking) continue;
      built.push({
        segmentId: segment.id,
        listName: listNameOf(segment, draft.lists[segment.id]),
        mapping: mappingFromRows(group.matching.rows),
      });
    }
    return built;
  }, [chosen, groups, shapes, draft.lists]);
  // Ortto's permission question says when a consent column answers for most rows (issue 16).
  const consentColumn = groups.some((group) =>
    (group.matching?.rows ?? []).some((row) => row.target.kind === 'consent' && row.column !== ''),
  );
  const requests = chosen.length > 0 && countable.length === chosen.length ? countable : null;
  const plan = useExportPlan(countable.length > 0 ? countable : null, {
    destinationId: draft.destinationId,
    mirror: draft.mirror,
    full: draft.full,
  });

  return {
    draft,
    dispatch,
    segmentsQuery,
    segmentsById,
    chosen,
    groups,
    requests,
    countable,
    plan,
    consentColumn,
  };
}

export type ExportSetupState = ReturnType<typeof useExportSetup>;
