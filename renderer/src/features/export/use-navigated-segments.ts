import { useEffect, useRef, type Dispatch } from 'react';
import type { DraftAction } from './export-draft';

/**
 * "Export this segment" on the Segments screen opens Export with that segment chosen (issue 17,
 * item 6): once per navigation, added to what is already chosen, so nothing the person set is lost.
 */
export function useNavigatedSegments(
  segmentIds: readonly string[] | undefined,
  chosen: readonly string[],
  dispatch: Dispatch<DraftAction>,
): void {
  const taken = useRef<readonly string[]>(undefined);
  useEffect(() => {
    if (!segmentIds || taken.current === segmentIds) return;
    taken.current = segmentIds;
    for (const segmentId of segmentIds) {
      if (!chosen.includes(segmentId))
        dispatch({ type: 'toggleSegment', segmentId, selected: true });
    }
  }, [segmentIds, chosen, dispatch]);
}
