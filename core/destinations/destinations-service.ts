import { randomUUID } from 'node:crypto';
import {
  destinationErrorCodes,
  privacyTermsVersion,
  type ConnectFailureReason,
  type ConnectOutcome,
  type CreateDestinationInput,
  type DeleteOutcome,
  type DestinationSummary,
  type UpdateDestinationInput,
} from '../../shared/model/destinations';
import {
  defaultEndpoint,
  defaultRequestsPerSecond,
  type DestinationService,
  type OrttoRegion,
} from '../../shared/model/destination-service';
import type { DestinationConnectors } from '../destination-port/destination-connectors';
import {
  createDestinationOpener,
  OpenDestinationError,
  type KeySource,
} from '../destination-port/open-destination';
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
  /** The client builders by kind of account; the real ones unless a test injects its own. */
  readonly connectors?: DestinationConnectors;
  /** The OS account recorded with the privacy agreement. */
  readonly osUser: () => string;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** How long Connect (and the check of a typed key) waits for one answer. */
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

/** Ortto keeps each account in one region (default when none is said); Autopilot has none. */
function regionOf(service: DestinationService, region: OrttoRegion | undefined) {
  if (service === 'ortto') return region ?? 'default';
  if (region !== undefined) {
    throw new DestinationsError(
      destinationErrorCodes.invalidEndpoint,
      'Only Ortto accounts have a region. Leave the region out for Autopilot.',
    );
  }
  return undefined;
}

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
      { name },
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
  const openDestination = createDestinationOpener(options);

  /** The account behind a destination, asked once; the client's own timeout speaks first. */
  async function check(
    record: Pick<DestinationRecord, 'service' | 'endpoint'>,
    key: KeySource,
  ): Promise<ConnectOutcome> {
    const { destination } = await openDestination({
      service: record.service,
      endpoint: record.endpoint,
      key,
      timeoutMs: connectTimeoutMs,
    });
    return checkConnection(destination, record.service, {
      timeoutMs: connectTimeoutMs + 1_000,
      now,
    });
  }

  /**
   * Issue 17, item 2: a wrong key is caught where it is typed, not after the consent. Only a
   * refusal (or an endpoint that does not answer like the service) stops the save: no network or
   * a busy account says so and keeps the key, since the key may well be right.
   */
  async function checkTypedKey(
    record: Pick<DestinationRecord, 'service' | 'endpoint'>,
    apiKey: string,
  ): Promise<ConnectOutcome> {
    const outcome = await check(record, { typed: apiKey });
    if (outcome.status === 'failed' && refusals.has(outcome.reason)) {
      throw new DestinationsError(destinationErrorCodes.rejectedApiKey, outcome.message, {
        service: record.service,
      });
    }
    return outcome;
  }

  async function create(input: CreateDestinationInput) {
    const service: DestinationService = input.service ?? 'autopilot';
    const region = regionOf(service, input.region);
    const displayName = normalizeDisplayName(input.displayName);
    const apiKey = normalizeApiKey(input.apiKey, service);
    const endpoint = normalizeEndpoint(input.endpoint?.trim() || defaultEndpoint(service, region));
    const requestsPerSecond = normalizeRequestRate(
      input.requestsPerSecond ?? defaultRequestsPerSecond[service],
    );
    assertNameFree(await settings.read(), displayName);
    const keyCheck = input.checkKey
      ? await checkTypedKey({ service, endpoint }, apiKey)
      : undefined;
    const at = now().toISOString();
    const record: DestinationRecord = {
      id: newId(),
      displayName,
      service,
      ...(region === undefined ? {} : { region }),
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
    try {
      return await check(record, { keychainOf: id });
    } catch (error) {
      if (!(error instanceof OpenDestinationError)) throw error;
      // The keychain's own refusal is reported as such by main (locked, missing, denied).
      if (error.kind === 'keychain') throw error.cause;
      return failedOutcome(
        error.kind === 'invalid-key' ? 'rejected-key' : 'no-key',
        record.service,
      );
    }
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
      const record = findRecord(await settings.read(), id);
      const apiKey = normalizeApiKey(rawKey, record.service);
      const keyCheck = replaceOptions?.check ? await checkTypedKey(record, apiKey) : undefined;
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
