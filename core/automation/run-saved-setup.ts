/**
 * One run of a saved setup (issue 18, items 3 and 5): the one chain `run-setup` and the automation
 * service both use. Find the setup, read its segments as they stand now (or from the export that
 * just arrived), count them, check the guardrails, open the destination, count again against the
 * list's delivery ledger, and make the job with its receipt. Each run is a sync: only what changed,
 * and the setup's mirror. The caller runs the job (the command line in the terminal, the app in
 * its jobs service).
 *
 * Outcomes are coded, without a word of either caller's: sent (a job), nothing-changed (a run is
 * recorded, no job), stopped (a guardrail, with its facts) or failed (a code and a sentence).
 */
import type { Destination } from '../destination-port/destination';
import type { JobDestination, JobManifest } from '../jobs/job-manifest';
import { createJob } from '../jobs/create-job';
import type { SettingsRepository } from '../settings/settings-repository';
import type { DestinationRecord } from '../settings/settings-schema';
import { syncResolver } from '../sync/plan-sync';
import type { ExportPlan } from '../upload/export-plan';
import type { RunTrigger } from '../../shared/model/automation';
import type { EmailPermissionChoice } from '../../shared/model/destination-service';
import { consentCovers } from './automation-statement';
import { findSavedSetup, type FoundSetup, type SetupWanted } from './saved-setup-lookup';
import {
  countedSetupPlan,
  PlanRefusal,
  profileCounts,
  receiptFor,
  type NotSent,
  type RunConsent,
} from './saved-setup-plan';
import { recordRunCounts } from './setup-run-counts';
import { resolveSetupSegments, SetupRunError, type ResolvedSetupSegments } from './setup-segments';

/** The destination a run sends to: its client, and how the job records it. */
interface SetupTarget {
  readonly destination: Destination;
  readonly jobDestination: JobDestination;
}

/**
 * Opens (and checks, with one cheap call) the setup's destination: the command line's opener
 * (a key variable or the keychain) or the app's (the keychain). Throws when it cannot.
 */
export type SetupTargetOpener = (
  record: DestinationRecord,
  needs: {
    /** Every segment has a consent column deciding row by row (Ortto needs it, or a permission). */
    readonly consentColumn: boolean;
    readonly emailPermission?: EmailPermissionChoice;
  },
) => Promise<SetupTarget>;

/** Who agreed to this run: the person at the terminal now, or the standing consent given once. */
export type SavedSetupOutcome =
  | {
      readonly kind: 'sent';
      readonly job: JobManifest;
      readonly target: SetupTarget;
      readonly found: FoundSetup;
    }
  | { readonly kind: 'nothing-changed'; readonly found: FoundSetup; readonly plan: ExportPlan }
  | NotSent;

interface RunSavedSetupOptions {
  readonly dataFolder: string;
  readonly settings: SettingsRepository;
  readonly setup: SetupWanted;
  readonly consent: RunConsent;
  readonly openTarget: SetupTargetOpener;
  /** What started the run (recorded on the job); the setup's own names are filled in. */
  readonly trigger: Omit<RunTrigger, 'setupId' | 'setupName'>;
  /** The absolute path of an export that arrived in the watched folder: the segment's file. */
  readonly arrived?: string;
  readonly skipGuardrails?: boolean;
  readonly now?: () => Date;
}

/** Any plan with nothing to send and (with a mirror) nobody to take off: no job is needed. */
export function nothingChanged(plan: ExportPlan, mirror: boolean): boolean {
  return plan.segments.every(
    (segment) => segment.selection.selected === 0 && (!mirror || !segment.leavers?.length),
  );
}

function failedFrom(error: unknown): NotSent {
  if (error instanceof PlanRefusal) return error.outcome;
  if (error instanceof SetupRunError) {
    if (error.stop) {
      return { kind: 'stopped', code: error.code, stops: [error.stop], message: error.message };
    }
    return { kind: 'failed', code: error.code, message: error.message };
  }
  const code = (error as { code?: unknown } | null)?.code;
  return {
    kind: 'failed',
    code: typeof code === 'string' ? code : 'run-failed',
    message: error instanceof Error ? error.message : String(error),
    error,
  };
}

function usableConsent(consent: RunConsent, found: FoundSetup): void {
  if (consent.kind !== 'standing') return;
  const { setup } = found;
  if (consent.consent.revokedAt !== null || consent.consent.setupId !== setup.id) {
    throw new SetupRunError(
      `The standing consent for "${setup.name}" was withdrawn when its automation was turned off, so nothing was sent. Turn the automation on again to give it anew.`,
      'standing-consent-revoked',
    );
  }
  // The person agreed to this destination, these fields and lists and this mirror: a setup
  // saved again with others needs their consent again.
  if (!consentCovers(consent.consent, found)) {
    throw new SetupRunError(
      `The setup "${setup.name}" was changed after its automation was turned on (its destination, fields, lists or mirror), so nothing was sent. Turn the automation on again to confirm what it will do.`,
      'standing-consent-outdated',
    );
  }
}

async function openAndCount(
  options: RunSavedSetupOptions,
  found: FoundSetup,
  resolved: ResolvedSetupSegments,
) {
  const standing = options.consent.kind === 'standing' ? options.consent.consent : undefined;
  const target = await options.openTarget(found.destination, {
    consentColumn: resolved.segments.every((segment) => segment.mapping.emailConsent),
    emailPermission: standing?.emailPermission,
  });
  const syncFor = await syncResolver(target.destination, {
    dataFolder: options.dataFolder,
    endpoint: target.jobDestination.endpoint,
    full: false,
  });
  const plan = await countedSetupPlan(options, found.setup, resolved, syncFor);
  return { target, plan };
}

async function runResolved(
  options: RunSavedSetupOptions,
  found: FoundSetup,
  resolved: ResolvedSetupSegments,
): Promise<SavedSetupOutcome> {
  const { setup } = found;
  const mirror = setup.mirror ?? false;
  // The guardrails on the file first, so a broken export asks nothing of the account; the count
  // against the list's ledger reads the rows once more (nobody watches an automatic run).
  await countedSetupPlan(options, setup, resolved);
  const { target, plan } = await openAndCount(options, found, resolved);
  const counts = profileCounts(resolved.shapes, plan);
  if (nothingChanged(plan, mirror)) {
    await resolved.discard();
    await recordRunCounts(options.dataFolder, setup.id, counts);
    return { kind: 'nothing-changed', found, plan };
  }
  // The next run compares with this one, whether or not every row gets through. Recorded before
  // the job exists, so a job is never left with its snapshots discarded when this write fails.
  await recordRunCounts(options.dataFolder, setup.id, counts);
  const trigger: RunTrigger = { ...options.trigger, setupId: setup.id, setupName: setup.name };
  const job = await createJob({
    dataFolder: options.dataFolder,
    segments: plan.segments,
    destination: target.jobDestination,
    consent: receiptFor(options.consent, plan, target.jobDestination),
    sync: { full: false, mirror },
    trigger,
    ...(options.now ? { now: options.now() } : {}),
  });
  return { kind: 'sent', job, target, found };
}

export async function runSavedSetup(options: RunSavedSetupOptions): Promise<SavedSetupOutcome> {
  let resolved: ResolvedSetupSegments | undefined;
  try {
    const found = await findSavedSetup(options.settings, options.setup, options.dataFolder);
    usableConsent(options.consent, found);
    resolved = await resolveSetupSegments(options.dataFolder, found.setup, {
      ...(options.arrived === undefined ? {} : { arrived: options.arrived }),
    });
    return await runResolved(options, found, resolved);
  } catch (error) {
    // Refused before a job existed (the job is the last step): the snapshots read again for
    // this run are not needed.
    await resolved?.discard();
    return failedFrom(error);
  }
}

type SavedSetupDryRun =
  { readonly kind: 'planned'; readonly found: FoundSetup; readonly plan: ExportPlan } | NotSent;

/**
 * What a run would send, without a key or a word to the account: counted without the list's
 * ledger, the guardrails checked, the snapshots read for it removed again.
 */
export async function dryRunSavedSetup(
  options: Pick<RunSavedSetupOptions, 'dataFolder' | 'settings' | 'setup' | 'skipGuardrails'>,
): Promise<SavedSetupDryRun> {
  let resolved: ResolvedSetupSegments | undefined;
  try {
    const found = await findSavedSetup(options.settings, options.setup, options.dataFolder);
    resolved = await resolveSetupSegments(options.dataFolder, found.setup);
    const plan = await countedSetupPlan(options, found.setup, resolved);
    return { kind: 'planned', found, plan };
  } catch (error) {
    return failedFrom(error);
  } finally {
    await resolved?.discard();
  }
}
