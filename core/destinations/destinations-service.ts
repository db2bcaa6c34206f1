import { randomUUID } from 'node:crypto';
import {
  destinationErrorCodes,
  destinationLimits,
  privacyTermsVersion,
  type ConnectFailureReason,
  type ConnectOutcome,
  type CreateDestinationInput,
  type DeleteOutcome,
  type DestinationSummary,
  type UpdateDestinationInput,
} from '../../shared/ipc/channels/destinations';
import type { Destination } from '../destination/destination';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsRepository } from '../settings/settings-repository';
import type { DestinationRecord, Settings } from '../settings/settings-schema';
import { checkConnection, failedOutcome } from './check-connection';
import {
  normalizeApiKey,
  normalizeDisplayName,
  normalizeEndpoint,
  normalizeRequestRate,
  sameDisplayName,
} from './destination-rules';
import { DestinationsError } from './destinations-error';

export interface DestinationsServiceOptions {
  readonly settings: SettingsRepository;
  readonly secrets: SecretStore;
  /** Builds the API client for a destination (Autopilot's in the app). */
  readonly connectTo: (connection: {
    readonly endpoint: string;
    readonly apiKey: string;
  }) => Destination;
  readonly defaultEndpoint: string;
  /** The OS account recorded with the privacy agreement. */
  readonly osUser: () => string;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly connectTimeoutMs?: number;
  /** Other stores that keep data per destination (job journals, ...) forget it here. */
  readonly onDeleted?: readonly ((destinationId: string) => Promise<void>)[];
}

export interface DestinationsService {
  list(): Promise<DestinationSummary[]>;
  /** With `checkKey`, a key Autopilot refuses is not saved (DestinationsError rejected-api-key). */
  create(
    input: CreateDestinationInput,
  ): Promise<DestinationSummary & { readonly keyCheck?: ConnectOutcome }>;
  update(input: UpdateDestinationInput): Promise<DestinationSummary>;
  /** With `check`, a refused key is not saved and the old one stays; the check is returned. */
  replaceKey(
    id: string,
    apiKey: string,
    options?: { readonly check?: boolean },
  ): Promise<ConnectOutcome | undefined>;
  hasKey(id: string): Promise<boolean>;
  connect(id: string): Promise<ConnectOutcome>;
  delete(id: string): Promise<DeleteOutcome>;
}

/** Check results that mean the key (or the endpoint it goes to) is wrong: nothing is saved. */
const refusals: ReadonlySet<ConnectFailureReason> = new Set(['rejected-key', 'not-autopilot']);

/** Picks the fields by name, so nothing added to the record later leaks out by accident. */
function toSummary(record: DestinationRecord): DestinationSummary {
  const { id, displayName, endpoint, requestsPerSecond, createdAt, privacyAgreement } = record;
  return {
    id,
    displayName,
    service: record.service,
    ...(record.region === undefined ? {} : { region: record.region }),
    endpoint,
    requestsPerSecond,
    createdAt,
    privacyAgreement: { ...privacyAgreement },
  };
}

function findRecord(settings: Settings, id: string): DestinationRecord {
  const record = settings.destinations.find((destination) => destination.id === id);
  if (!record) {
    throw new DestinationsError(
      destinationErrorCodes.notFound,
      'This destination no longer exists. It may have been deleted in another window.',
    );
  }
  return record;
}

function assertNameFree(settings: Settings, name: string, exceptId?: string): void {
  const taken = settings.destinations.some(
    (destination) => destination.id !== exceptId && sameDisplayName(destination.displayName, name),
  );
  if (taken) {
    throw new DestinationsError(
      destinationErrorCodes.duplicateDisplayName,
      `There is already a destination called "${name}". Choose another name.`,
    );
  }
}

function replaceRecord(settings: Settings, record: DestinationRecord): Settings {
  return {
    ...settings,
    destinations: settings.destinations.map((item) => (item.id === record.id ? record : item)),
  };
}

/** Destinations: settings entries plus one keychain entry each, kept in step. */
export function createDestinationsService(
  options: DestinationsServiceOptions,
): DestinationsService {
  const { settings, secrets } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const connectTimeoutMs = options.connectTimeoutMs ?? 20_000;

  /**
   * Issue 17, item 2: a wrong key is caught where it is typed, not after the consent. Only a
   * refusal (or an endpoint that is not Autopilot) stops the save: no network or a busy account
   * says so and keeps the key, since the key may well be right.
   */
  async function checkTypedKey(endpoint: string, apiKey: string): Promise<ConnectOutcome> {
    const destination = options.connectTo({ endpoint, apiKey });
    const outcome = await checkConnection(destination, { timeoutMs: connectTimeoutMs, now });
    if (outcome.status === 'failed' && refusals.has(outcome.reason)) {
      throw new DestinationsError(destinationErrorCodes.rejectedApiKey, outcome.message);
    }
    return outcome;
  }

  async function create(input: CreateDestinationInput) {
    const displayName = normalizeDisplayName(input.displayName);
    const apiKey = normalizeApiKey(input.apiKey);
    const endpoint = normalizeEndpoint(input.endpoint?.trim() || options.defaultEndpoint);
    const requestsPerSecond = normalizeRequestRate(
      input.requestsPerSecond ?? destinationLimits.defaultRequestsPerSecond,
    );
    assertNameFree(await settings.read(), displayName);
    const keyCheck = input.checkKey ? await checkTypedKey(endpoint, apiKey) : undefined;
    const at = now().toISOString();
    const record: DestinationRecord = {
      id: newId(),
      displayName,
      service: 'autopilot',
      endpoint,
      requestsPerSecond,
      createdAt: at,
      privacyAgreement: {
        agreedAt: at,
        osUser: options.osUser(),
        termsVersion: privacyTermsVersion,
      },
    };
    // Keychain first: if it refuses, nothing is saved; if saving then fails, the key is taken back.
    await secrets.setKey(record.id, apiKey);
    try {
      await settings.update((current) => {
        assertNameFree(current, displayName);
        return { ...current, destinations: [...current.destinations, record] };
      });
    } catch (error) {
      await secrets.deleteKey(record.id).catch(() => undefined);
      throw error;
    }
    return keyCheck ? { ...toSummary(record), keyCheck } : toSummary(record);
  }

  async function update(input: UpdateDestinationInput): Promise<DestinationSummary> {
    const changes: Partial<DestinationRecord> = {};
    if (input.displayName !== undefined)
      changes.displayName = normalizeDisplayName(input.displayName);
    if (input.endpoint !== undefined) changes.endpoint = normalizeEndpoint(input.endpoint);
    if (input.requestsPerSecond !== undefined) {
      changes.requestsPerSecond = normalizeRequestRate(input.requestsPerSecond);
    }
    const saved = await settings.update((current) => {
      const record = { ...findRecord(current, input.id), ...changes };
      assertNameFree(current, record.displayName, record.id);
      return replaceRecord(current, record);
    });
    return toSummary(findRecord(saved, input.id));
  }

  async function connect(id: string): Promise<ConnectOutcome> {
    const record = findRecord(await settings.read(), id);
    const apiKey = await secrets.readKey(id);
    if (apiKey === undefined) return failedOutcome('no-key');
    const destination = options.connectTo({ endpoint: record.endpoint, apiKey });
    return checkConnection(destination, { timeoutMs: connectTimeoutMs, now });
  }

  async function remove(id: string): Promise<DeleteOutcome> {
    findRecord(await settings.read(), id);
    // The key goes first: if the keychain refuses, nothing else changes and the person can retry,
    // rather than leaving a key behind that no destination points to any more.
    const keyRemoved = await secrets.deleteKey(id);
    let removedExportSetups = 0;
    await settings.update((current) => {
      const exportSetups = current.exportSetups.filter((setup) => setup.destinationId !== id);
      removedExportSetups = current.exportSetups.length - exportSetups.length;
      return {
        ...current,
        destinations: current.destinations.filter((destination) => destination.id !== id),
        exportSetups,
      };
    });
    for (const forget of options.onDeleted ?? []) await forget(id);
    return { keyRemoved, removedExportSetups };
  }

  return {
    list: async () => (await settings.read()).destinations.map(toSummary),
    create,
    update,
    async replaceKey(id, rawKey, replaceOptions) {
      const apiKey = normalizeApiKey(rawKey);
      const record = findRecord(await settings.read(), id);
      const keyCheck = replaceOptions?.check
        ? await checkTypedKey(record.endpoint, apiKey)
        : undefined;
      await secrets.setKey(id, apiKey);
      return keyCheck;
    },
    async hasKey(id) {
      findRecord(await settings.read(), id);
      return secrets.hasKey(id);
    },
    connect,
    delete: remove,
  };
}
