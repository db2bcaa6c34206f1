/**
 * Start: the same chain as the command line's `push` (cli/commands/push.ts): count with the
 * engine, check the destination answers, write the consent receipt into a new job, then hand the
 * job to the engine. Everything the renderer says is checked again here; nothing is sent unless
 * the person confirmed exactly the number of profiles this plan would send.
 */
import {
  hasMappingProblems,
  mappingProblems,
  type StartExportInput,
} from '../../shared/model/exports';
import { type SyncChoice } from '../../shared/model/export-plan';
import { buildConsentReceipt } from '../jobs/consent';
import { createJob } from '../jobs/create-job';
import type { ConsentReceipt } from '../jobs/job-manifest';
import { readSnapshotManifest } from '../segments/snapshot-store';
import type { DestinationRecord } from '../settings/settings-schema';
import { ExportsError } from './exports-error';
import { exportErrorCodes } from '../../shared/model/exports';
import type { MappingMemory } from './mapping-memory';
import {
  checkOpenedDestination,
  jobDestinationOf,
  type DestinationOpener,
} from './open-destination';
import { planSegments } from './plan-summary';
import { noSync, openSync } from './sync-plan';
import { isMassRemoval, type PlannedSegment } from '../upload/export-plan';

interface StartExportDependencies {
  readonly dataFolder: string;
  readonly destinations: DestinationOpener;
  readonly memory: MappingMemory;
  readonly now: () => Date;
  readonly osUser: () => string;
  /** Hands the job to the engine (runs in the background; progress comes as events). */
  readonly startJob: (jobId: string) => Promise<void>;
  readonly checkTimeoutMs: number;
  readonly logError: (error: unknown) => void;
}

function checkMappings(input: StartExportInput): void {
  for (const segment of input.segments) {
    if (!hasMappingProblems(mappingProblems(segment.mapping))) continue;
    throw new ExportsError(
      exportErrorCodes.invalidMapping,
      'The matching needs fixing first: the email must be matched, and one column can feed only one field.',
    );
  }
}

/** A mirror taking off more than a fifth of a list's known members needs the person's yes. */
function checkMassRemoval(
  segments: readonly PlannedSegment[],
  sync: SyncChoice,
  confirmed: boolean,
): void {
  if (!sync.mirror || confirmed || !segments.some((segment) => isMassRemoval(segment))) return;
  throw new ExportsError(
    exportErrorCodes.massRemoval,
    'Keeping the list in step would take more than a fifth of its members off. Nothing was sent: confirm that this is right first.',
  );
}

const optOutWords = {
  'leave-out': 'rows that say no are left out',
  unsubscribe: 'rows that say no are sent as unsubscribed',
} as const;

/**
 * The receipt states what was chosen for opt-outs (issue 17, item 4), beside the fields: the
 * consent column, and what happens to the rows that say no, with how many.
 */
function withOptOutChoice(receipt: ConsentReceipt, segments: readonly PlannedSegment[]) {
  const choices = new Set<string>();
  for (const segment of segments) {
    const consent = segment.mapping.emailConsent;
    if (!consent) continue;
    const count = consent.optedOut === 'leave-out' ? segment.optedOut : segment.unsubscribed;
    choices.add(
      `Agreed to receive email from "${consent.column}" (${optOutWords[consent.optedOut]}: ${count ?? 0} in “${segment.name}”)`,
    );
  }
  return choices.size === 0 ? receipt : { ...receipt, fields: [...receipt.fields, ...choices] };
}

/**
 * Ortto subscribes a person it creates unless told otherwise (ortto-api.md, Field ids), so an Ortto
 * export says what to give them: the marketer's declared permission, or a consent column in every
 * segment. Checked before anything is opened or created.
 */
function checkEmailPermission(input: StartExportInput, record: DestinationRecord): void {
  if (record.service !== 'ortto' || input.emailPermission !== undefined) return;
  if (input.segments.every((segment) => segment.mapping.emailConsent !== undefined)) return;
  throw new ExportsError(
    exportErrorCodes.emailPermissionMissing,
    'Say whether these people agreed to receive email, or match a column that says so. Ortto subscribes new people unless told otherwise, so nothing was sent.',
  );
}

async function rememberMappings(deps: StartExportDependencies, input: StartExportInput) {
  const shapes = [];
  for (const segment of input.segments) {
    const manifest = await readSnapshotManifest(deps.dataFolder, segment.segmentId);
    shapes.push({ columns: manifest.columns, mapping: segment.mapping });
  }
  await deps.memory.remember(shapes);
}

export async function startExport(
  deps: StartExportDependencies,
  input: StartExportInput,
): Promise<{ jobId: string }> {
  checkMappings(input);
  checkEmailPermission(input, await deps.destinations.record(input.destinationId));
  const opened = await deps.destinations.open(input.destinationId, {
    emailPermission: input.emailPermission,
  });
  const sync = input.sync ?? noSync;
  const syncFor = await openSync(
    deps.destinations,
    deps.dataFolder,
    input.destinationId,
    sync,
    deps.checkTimeoutMs,
  );
  const plan = await planSegments(deps.dataFolder, input.segments, { syncFor });
  if (plan.totals.valid === 0) {
    throw new ExportsError(
      exportErrorCodes.nothingToSend,
      'No row has a usable email address, so there is nothing to send. Check which column holds the email.',
    );
  }
  if (plan.totals.valid !== input.consent.profiles) {
    throw new ExportsError(
      exportErrorCodes.consentStale,
      `The export now has ${plan.totals.valid} profiles, not the ${input.consent.profiles} you confirmed. Nothing was sent: check the numbers and confirm again.`,
      { params: { profiles: plan.totals.valid, confirmed: input.consent.profiles } },
    );
  }
  checkMassRemoval(plan.segments, sync, input.consent.massRemoval === true);
  await checkOpenedDestination(opened, deps.checkTimeoutMs);
  const destination = jobDestinationOf(opened.record, input.emailPermission);
  const job = await createJob({
    dataFolder: deps.dataFolder,
    segments: plan.segments,
    destination,
    consent: withOptOutChoice(
      buildConsentReceipt({
        segments: plan.segments,
        destination,
        confirmedAt: deps.now(),
        osUser: deps.osUser(),
        language: input.consent.language,
      }),
      plan.segments,
    ),
    now: deps.now(),
    sync,
  });
  // Remembering is a convenience: a settings problem must not stop an export already confirmed.
  await rememberMappings(deps, input).catch(deps.logError);
  try {
    await deps.startJob(job.id);
  } catch (error) {
    // The job exists with its receipt; History can start it once the reason is gone.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExportsError(
      exportErrorCodes.startFailed,
      `The export is saved in History but did not start: ${reason}`,
      { cause: error, params: { reason } },
    );
  }
  return { jobId: job.id };
}
