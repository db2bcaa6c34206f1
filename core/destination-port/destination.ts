/**
 * What the upload engine needs from a place contacts are pushed to: Autopilot (core/autopilot/)
 * and Ortto, its successor (core/ortto/). The engine never asks which one it has; what differs
 * (how a sync checks and empties a list) is a capability declared here.
 */
import type { ListMembership } from './list-membership';
import type { ListRemoval } from './list-removal';

/** Value types a custom field can hold (Autopilot's `type--Field--Name` prefixes). */
export const customFieldTypes = ['string', 'integer', 'float', 'boolean', 'date'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

export type ContactValue = string | number | boolean;

/**
 * One contact as the engine hands it over: email required; standard fields by the destination's
 * own key (for Autopilot `FirstName`, `Company`, ...); custom fields by name with their type.
 * Empty values are never present: the engine leaves them out so they cannot blank existing data.
 */
export interface OutgoingContact {
  readonly email: string;
  readonly standard: Readonly<Record<string, ContactValue>>;
  readonly custom: readonly {
    readonly name: string;
    readonly type: CustomFieldType;
    readonly value: ContactValue;
  }[];
  /** The file says this person opted out and the marketer chose to send them suppressed. */
  readonly unsubscribe?: true;
  /**
   * The consent column's answer for this row when one is matched: yes → true; no (sent as
   * unsubscribed) → false, beside `unsubscribe`. Absent otherwise. Autopilot ignores it.
   */
  readonly emailPermission?: boolean;
}

/** One request's share of the engine: the destination awaits `pace()` before EVERY request. */
export interface RequestCall {
  readonly signal: AbortSignal;
  /** Waits for the network gate and the rate controller, and counts the request. */
  pace(): Promise<void>;
}

/** A person the destination answered for but did not take, with its reason (a refused row). */
export interface RefusedContact {
  readonly email: string;
  readonly reason: string;
}

export interface UpsertOutcome {
  readonly refused: readonly RefusedContact[];
}

export interface FieldDescription {
  /** Standard: the destination's key (`FirstName`). Custom: the field's name (`Loyalty Tier`). */
  readonly key: string;
  readonly label: string;
  readonly kind: 'standard' | 'custom';
  readonly type: CustomFieldType;
  readonly required: boolean;
}

export interface DestinationList {
  readonly id: string;
  readonly name: string;
}

interface AccountCheck {
  /** What we could learn about the account, in plain words (for example its lists count). */
  readonly summary: string;
  readonly listCount: number;
}

export interface Destination {
  /** The product's name for sentences a marketer reads ("Ortto rejected the API key"). */
  readonly serviceName: string;
  /** Most contacts one `upsertBatch` call accepts (Autopilot: 100). */
  readonly maxBatchSize: number;
  /**
   * List membership calls for syncing (issue 13): the list check, the probe, the list counts and
   * per-person removals use them (Autopilot). Without them, or `removal`, a push cannot mirror.
   */
  readonly membership?: ListMembership;
  /**
   * True when `upsertBatch` itself puts every contact it takes on the list (Ortto's tag), so a
   * sync has nothing to check afterwards: no probe, no list check.
   */
  readonly upsertListsEveryone?: boolean;
  /** Takes people off a list a group per request (Ortto); preferred over `membership.remove`. */
  readonly removal?: ListRemoval;
  /** A cheap authenticated call; throws DestinationError('rejected-key') for a wrong key. */
  checkCredentials(signal?: AbortSignal): Promise<AccountCheck>;
  listLists(signal?: AbortSignal): Promise<DestinationList[]>;
  /** Finds a list by exact name (case-insensitive) or creates it. */
  ensureList(
    name: string,
    signal?: AbortSignal,
  ): Promise<DestinationList & { readonly created: boolean }>;
  /** Standard fields plus the account's custom fields. */
  describeFields(signal?: AbortSignal): Promise<FieldDescription[]>;
  /**
   * Adds or updates the contacts (upsert by email) and puts them on the list. Resolves when the
   * destination answered for every contact: taken, or in `refused` with its reason. Throws
   * DestinationError when the request as a whole failed.
   */
  upsertBatch(
    listId: string,
    contacts: readonly OutgoingContact[],
    call: RequestCall,
  ): Promise<UpsertOutcome>;
  /** The JSON body the first request for these contacts would carry (the Export preview). */
  previewRequest(listId: string | undefined, contacts: readonly OutgoingContact[]): unknown;
}

/** Failure classes a caller acts on differently. */
type DestinationErrorKind =
  /** 401/403: the key is wrong or revoked. Pause until the key is fixed. */
  | 'rejected-key'
  /** 429: slow down; `retryAfterMs` when the server said how long. */
  | 'rate-limited'
  /** 5xx, connection reset, timeout: retry with backoff. The request may have been applied. */
  | 'transient'
  /** The network is unreachable (DNS, refused, offline): wait for it to come back. */
  | 'offline'
  /** 400: the server refused the request; `serverMessage` says why. Not worth retrying as is. */
  | 'invalid-request'
  /** 404: the list or contact does not exist. */
  | 'not-found';

export class DestinationError extends Error {
  override readonly name = 'DestinationError';
  readonly kind: DestinationErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly serverMessage: string | undefined;

  constructor(
    kind: DestinationErrorKind,
    message: string,
    details: {
      status?: number;
      retryAfterMs?: number;
      serverMessage?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.serverMessage = details.serverMessage;
  }
}
