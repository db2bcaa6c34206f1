/**
 * What the person is setting up on the Export screen, before anything is sent: destination,
 * segments in the order chosen, the matching per header signature (segments of the same shape
 * share it), and each segment's list. A reducer, so saved setups and "Export again" load the same
 * way a person's clicks build it.
 */
import type { ListChoice } from '../../../../shared/model/exports';
import type { FieldMapping, OptedOutChoice } from '../../../../shared/matching/field-mapping';
import type { EmailPermissionChoice } from '../../../../shared/model/destination-service';
import { rowIdOf, type MatchRow, type MatchTarget } from './match-rows';

type MatchingSource = 'remembered' | 'auto' | 'setup' | 'job';

export interface ShapeMatching {
  readonly rows: readonly MatchRow[];
  readonly source: MatchingSource;
}

export interface MappingSeed {
  readonly mapping: FieldMapping;
  readonly source: MatchingSource;
}

export interface ExportDraft {
  readonly destinationId: string | null;
  readonly segmentIds: readonly string[];
  /** By header signature. */
  readonly matching: Readonly<Record<string, ShapeMatching>>;
  /** A matching to start from when a segment's shape is first matched (setup, earlier export). */
  readonly seeds: Readonly<Record<string, MappingSeed>>;
  /** By segment id; absent = the list named after the segment. */
  readonly lists: Readonly<Record<string, ListChoice>>;
  /** "Keep the list in step with the segment" and "Send everything again" (issue 13). */
  readonly mirror: boolean;
  readonly full: boolean;
  /** The person said yes to a mirror taking off more than a fifth of a list's members. */
  readonly massRemovalConfirmed: boolean;
  /**
   * Ortto: whether these people agreed to receive email (issue 16, item 4). Asked each time, never
   * saved with a setup: it is a statement about these people, made when sending them.
   */
  readonly emailPermission: EmailPermissionChoice | null;
}

export const emptyDraft: ExportDraft = {
  destinationId: null,
  segmentIds: [],
  matching: {},
  seeds: {},
  lists: {},
  mirror: false,
  full: false,
  massRemovalConfirmed: false,
  emailPermission: null,
};

export type DraftAction =
  | { readonly type: 'destination'; readonly destinationId: string | null }
  | { readonly type: 'toggleSegment'; readonly segmentId: string; readonly selected: boolean }
  | { readonly type: 'initMatching'; readonly signature: string; readonly matching: ShapeMatching }
  | {
      readonly type: 'setColumn';
      readonly signature: string;
      readonly rowId: string;
      readonly column: string;
    }
  | {
      readonly type: 'addRow';
      readonly signature: string;
      readonly target: MatchTarget;
      /** The column it starts with (the one matching it), '' for none. */
      readonly column?: string;
    }
  | { readonly type: 'removeRow'; readonly signature: string; readonly rowId: string }
  | { readonly type: 'setOptedOut'; readonly signature: string; readonly choice: OptedOutChoice }
  | { readonly type: 'setList'; readonly segmentId: string; readonly list: ListChoice }
  | { readonly type: 'emailPermission'; readonly choice: EmailPermissionChoice }
  | { readonly type: 'load'; readonly draft: ExportDraft }
  | {
      readonly type: 'sync';
      readonly mirror?: boolean;
      readonly full?: boolean;
      readonly massRemovalConfirmed?: boolean;
    }
  | {
      readonly type: 'replaceSegment';
      readonly from: string | null;
      readonly to: string;
      readonly seed?: MappingSeed;
      readonly list?: ListChoice;
    };

function updateRows(
  draft: ExportDraft,
  signature: string,
  change: (rows: readonly MatchRow[]) => readonly MatchRow[],
): ExportDraft {
  const current = draft.matching[signature];
  if (!current) return draft;
  return {
    ...draft,
    matching: { ...draft.matching, [signature]: { ...current, rows: change(current.rows) } },
  };
}

function replaceSegment(
  draft: ExportDraft,
  action: Extract<DraftAction, { type: 'replaceSegment' }>,
) {
  const { from, to } = action;
  const segmentIds = draft.segmentIds.includes(to)
    ? draft.segmentIds.filter((id) => id !== from)
    : from && draft.segmentIds.includes(from)
      ? draft.segmentIds.map((id) => (id === from ? to : id))
      : [...draft.segmentIds, to];
  return {
    ...draft,
    segmentIds,
    seeds: action.seed ? { ...draft.seeds, [to]: action.seed } : draft.seeds,
    lists: action.list ? { ...draft.lists, [to]: action.list } : draft.lists,
  };
}

export function draftReducer(draft: ExportDraft, action: DraftAction): ExportDraft {
  switch (action.type) {
    case 'destination':
      return { ...draft, destinationId: action.destinationId };
    case 'toggleSegment': {
      const others = draft.segmentIds.filter((id) => id !== action.segmentId);
      return { ...draft, segmentIds: action.selected ? [...others, action.segmentId] : others };
    }
    case 'initMatching':
      if (draft.matching[action.signature]) return draft;
      return { ...draft, matching: { ...draft.matching, [action.signature]: action.matching } };
    case 'setColumn':
      return updateRows(draft, action.signature, (rows) =>
        rows.map((row) => (row.id === action.rowId ? { ...row, column: action.column } : row)),
      );
    case 'addRow': {
      const id = rowIdOf(action.target);
      return updateRows(draft, action.signature, (rows) =>
        rows.some((row) => row.id === id)
          ? rows
          : [...rows, { id, target: action.target, column: action.column ?? '' }],
      );
    }
    case 'setOptedOut':
      return updateRows(draft, action.signature, (rows) =>
        rows.map((row) =>
          row.target.kind === 'consent'
            ? { ...row, target: { kind: 'consent', optedOut: action.choice } }
            : row,
        ),
      );
    case 'removeRow':
      return updateRows(draft, action.signature, (rows) =>
        rows.filter((row) => row.id !== action.rowId),
      );
    case 'setList':
      return { ...draft, lists: { ...draft.lists, [action.segmentId]: action.list } };
    case 'emailPermission':
      return { ...draft, emailPermission: action.choice };
    case 'load':
      return action.draft;
    case 'sync': {
      const mirror = action.mirror ?? draft.mirror;
      const massRemovalConfirmed = mirror
        ? (action.massRemovalConfirmed ?? draft.massRemovalConfirmed)
        : false;
      return { ...draft, mirror, full: action.full ?? draft.full, massRemovalConfirmed };
    }
    case 'replaceSegment':
      return replaceSegment(draft, action);
  }
}
