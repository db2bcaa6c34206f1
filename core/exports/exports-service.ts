/**
 * The Export screen's service in main: the destination's fields and lists (the key never leaves
 * main), the shapes of segments and their remembered matching, counts and "what will be sent"
 * from the engine's own code, saved setups, "Export again", and Start.
 */
import type {
  ContactPreview,
  DestinationField,
  DestinationListSummary,
  ExportAgain,
  ExportSegmentInput,
  ExportSetup,
  PreviewRequest,
  SaveSetupInput,
  SegmentShape,
  StartExportInput,
} from '../../shared/model/exports';
import type { ExportPlanSummary, SyncChoice } from '../../shared/model/export-plan';
import type { ImportOutcome } from '../../shared/segments/segment-summary';
import type { Destination } from '../destination-port/destination';
import { defaultEndpoint } from '../../shared/model/destination-service';
import {
  destinationConnectors,
  type DestinationConnectors,
} from '../destination-port/destination-connectors';
import type { SecretStore } from '../secrets/secret-store';
import { readSnapshotManifest } from '../segments/snapshot-store';
import type { SettingsRepository } from '../settings/settings-repository';
import { previewContacts } from './contact-preview';
import { readExportAgain } from './export-again';
import { headerSignature } from './header-signature';
import { createMappingMemory, recallFrom } from './mapping-memory';
import { createSavedDestinationOpener, destinationProblem } from './open-destination';
import { createPlanCache } from './plan-cache';
import { planProblem, summarizePlan } from './plan-summary';
import { createSavedSetups } from './saved-setups';
import { startExport } from './start-export';
import { noSync, openSync } from './sync-plan';

interface ExportsServiceOptions {
  readonly dataFolder: string;
  readonly settings: SettingsRepository;
  readonly secrets: SecretStore;
  /** The client builders by kind of account; the real ones unless a test injects its own. */
  readonly connectors?: DestinationConnectors;
  /** Imports a file again from its path (the segment library's importPaths). */
  readonly importPaths: (paths: readonly string[]) => Promise<ImportOutcome[]>;
  readonly startJob: (jobId: string) => Promise<void>;
  readonly osUser: () => string;
  readonly now?: () => Date;
  /** How long one request for the screen (fields, lists, the check before Start) may take. */
  readonly requestTimeoutMs?: number;
  readonly logError?: (error: unknown) => void;
}

export interface ExportsService {
  fields(destinationId: string): Promise<DestinationField[]>;
  lists(destinationId: string): Promise<DestinationListSummary[]>;
  shapes(segmentIds: readonly string[]): Promise<SegmentShape[]>;
  plan(
    segments: readonly ExportSegmentInput[],
    sync?: { readonly destinationId?: string; readonly sync?: SyncChoice },
  ): Promise<ExportPlanSummary>;
  preview(request: PreviewRequest): Promise<ContactPreview>;
  setups(): Promise<ExportSetup[]>;
  saveSetup(input: SaveSetupInput): Promise<ExportSetup>;
  deleteSetup(id: string): Promise<void>;
  again(jobId: string): Promise<ExportAgain>;
  /** Imports the file a segment was read from again, from the same place (it has changed). */
  reimportSource(segmentId: string): Promise<ImportOutcome>;
  start(input: StartExportInput): Promise<{ jobId: string }>;
}

export function createExportsService(options: ExportsServiceOptions): ExportsService {
  const { dataFolder, settings } = options;
  const now = options.now ?? (() => new Date());
  const requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
  // A second longer than one request: the client's own timeout speaks first, in its own words.
  const timeoutMs = requestTimeoutMs + 1_000;
  const logError = options.logError ?? (() => undefined);
  const destinations = createSavedDestinationOpener({ ...options, timeoutMs: requestTimeoutMs });
  const memory = createMappingMemory(settings, now);
  const savedSetups = createSavedSetups({ dataFolder, settings, now });
  const planCache = createPlanCache();

  async function askDestination<T>(
    destinationId: string,
    ask: (destination: Destination, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const opened = await destinations.open(destinationId);
    try {
      return await ask(opened.destination, AbortSignal.timeout(timeoutMs));
    } catch (error) {
      throw destinationProblem(error, opened.record);
    }
  }

  async function manifestOf(segmentId: string) {
    try {
      return await readSnapshotManifest(dataFolder, segmentId);
    } catch (error) {
      throw planProblem(error);
    }
  }

  return {
    fields: (destinationId) =>
      askDestination(destinationId, (destination, signal) => destination.describeFields(signal)),
    async lists(destinationId) {
      const lists = await askDestination(destinationId, (destination, signal) =>
        destination.listLists(signal),
      );
      return lists.map(({ id, name }) => ({ id, name }));
    },
    async shapes(segmentIds) {
      const remembered = (await settings.read()).headerMappings;
      const shapes: SegmentShape[] = [];
      for (const segmentId of segmentIds) {
        const manifest = await manifestOf(segmentId);
        shapes.push({
          segmentId,
          signature: headerSignature(manifest.columns),
          remembered: recallFrom(remembered, manifest.columns),
        });
      }
      return shapes;
    },
    async plan(segments, sync) {
      // Without the account's lists (no key, offline) the counts still come, without changes:
      // Start checks the destination again and says what is wrong.
      const syncFor = sync?.destinationId
        ? await openSync(
            destinations,
            dataFolder,
            sync.destinationId,
            sync.sync ?? noSync,
            timeoutMs,
          ).catch((error: unknown) => {
            logError(error);
            return undefined;
          })
        : undefined;
      return summarizePlan(dataFolder, segments, { syncFor, cache: planCache });
    },
    async preview(request) {
      // Building a request needs no key and sends nothing: the kind's client is made without one.
      const record = request.destinationId
        ? await destinations.record(request.destinationId)
        : undefined;
      const destination = (options.connectors ?? destinationConnectors)[
        record?.service ?? 'autopilot'
      ]({
        endpoint: record?.endpoint ?? defaultEndpoint('autopilot'),
        apiKey: '',
        emailPermission: request.emailPermission,
      });
      try {
        return await previewContacts(dataFolder, { ...request, destination });
      } catch (error) {
        throw planProblem(error);
      }
    },
    setups: () => savedSetups.list(),
    async saveSetup(input) {
      const saved = await savedSetups.save(input);
      const shapes = [];
      for (const entry of input.mappings) {
        const segment = saved.segments.find((item) => item.signature === entry.signature);
        if (!segment) continue;
        const manifest = await manifestOf(segment.segmentId);
        shapes.push({ columns: manifest.columns, mapping: entry.mapping });
      }
      await memory.remember(shapes).catch(logError);
      return saved;
    },
    deleteSetup: (id) => savedSetups.remove(id),
    again: (jobId) => readExportAgain(dataFolder, settings, jobId),
    async reimportSource(segmentId) {
      const manifest = await manifestOf(segmentId);
      const [outcome] = await options.importPaths([manifest.source.path]);
      if (!outcome) throw new Error('The import gave no answer.');
      return outcome;
    },
    start: (input) =>
      startExport(
        {
          dataFolder,
          destinations,
          memory,
          now,
          osUser: options.osUser,
          startJob: options.startJob,
          checkTimeoutMs: timeoutMs,
          logError,
        },
        input,
      ),
  };
}
