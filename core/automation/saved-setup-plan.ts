/**
 * The counting half of a saved setup's run (run-saved-setup.ts): the plan of its segments,
 * refused when nobody has an email or when a guardrail stops it, and the receipt a run records.
 */
import { buildConsentReceipt } from '../jobs/consent';
import type { ConsentReceipt, JobDestination } from '../jobs/job-manifest';
import type { ExportSetupRecord } from '../settings/settings-schema';
import { MappingError } from '../upload/contact-builder';
import { planExport, type ExportPlan, type ExportPlanHooks } from '../upload/export-plan';
import { fileSnapshotAccess } from '../upload/snapshot-access';
import { checkRunGuardrails, type GuardrailStop } from './run-guardrails';
import { lastRunCounts } from './setup-run-counts';
import type { ResolvedSetupSegments, SegmentShape } from './setup-segments';
import type { StandingConsent } from '../../shared/model/automation';

/** What a run goes under: a consent given for this run, or the setup's standing consent. */
export type RunConsent =
  | { readonly kind: 'given'; readonly confirmedAt: Date; readonly osUser: string }
  | { readonly kind: 'standing'; readonly consent: StandingConsent };

/** How a run that sent nothing ended: a guardrail's stop, or a failure with its code. */
export type NotSent =
  | {
      readonly kind: 'stopped';
      readonly code: string;
      readonly stops: readonly GuardrailStop[];
      readonly message: string;
    }
  | {
      readonly kind: 'failed';
      readonly code: string;
      readonly message: string;
      /** The error behind it, when something threw (the command line describes it itself). */
      readonly error?: unknown;
    };

/** A plan that must not be sent: nobody to send, or a guardrail's stop. */
export class PlanRefusal extends Error {
  override readonly name = 'PlanRefusal';
  constructor(readonly outcome: NotSent) {
    super(outcome.message);
  }
}

interface PlanContext {
  readonly dataFolder: string;
  readonly skipGuardrails?: boolean;
}

async function planOf(
  dataFolder: string,
  resolved: ResolvedSetupSegments,
  syncFor?: ExportPlanHooks['syncFor'],
): Promise<ExportPlan> {
  try {
    return await planExport(fileSnapshotAccess(dataFolder), resolved.segments, { syncFor });
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    throw new PlanRefusal({ kind: 'failed', code: 'setup-mapping', message: error.message });
  }
}

/** The checks an unattended run must pass (run-guardrails.ts). */
async function checkGuardrails(
  context: PlanContext,
  setup: ExportSetupRecord,
  shapes: readonly SegmentShape[],
  plan: ExportPlan,
): Promise<void> {
  if (context.skipGuardrails) return;
  const last = await lastRunCounts(context.dataFolder, setup.id);
  const verdict = checkRunGuardrails(
    plan.segments.map((segment, index) => {
      const shape = shapes[index] as SegmentShape;
      return {
        ...shape,
        listName: segment.listName,
        profileCount: segment.valid,
        lastProfileCount: last[shape.segmentName],
        // The leavers a mirror would take off, of the members this app put on the list.
        removals: setup.mirror ? (segment.leavers?.length ?? 0) : 0,
        listMemberCount: segment.knownMembers ?? 0,
      };
    }),
  );
  if (verdict.send) return;
  throw new PlanRefusal({
    kind: 'stopped',
    code: `guardrail-${verdict.stops[0]?.code ?? 'stop'}`,
    stops: verdict.stops,
    message: verdict.message,
  });
}

/** The plan of the setup's segments; PlanRefusal when empty or when a guardrail stops it. */
export async function countedSetupPlan(
  context: PlanContext,
  setup: ExportSetupRecord,
  resolved: ResolvedSetupSegments,
  syncFor?: ExportPlanHooks['syncFor'],
): Promise<ExportPlan> {
  const plan = await planOf(context.dataFolder, resolved, syncFor);
  if (plan.totals.valid === 0) {
    throw new PlanRefusal({
      kind: 'failed',
      code: 'setup-no-profiles',
      message: `No row of the setup "${setup.name}" has a usable email address, so there is nothing to send.`,
    });
  }
  await checkGuardrails(context, setup, resolved.shapes, plan);
  return plan;
}

/** Segment name → profiles of this run, for the next run's comparison. */
export function profileCounts(shapes: readonly SegmentShape[], plan: ExportPlan) {
  return Object.fromEntries(
    plan.segments.map((segment, index) => [shapes[index]?.segmentName ?? '', segment.valid]),
  );
}

/**
 * The run's own receipt. Under a standing consent it keeps the words the person read when turning
 * the automation on, who and when, and names that consent.
 */
export function receiptFor(
  consent: RunConsent,
  plan: ExportPlan,
  destination: JobDestination,
): ConsentReceipt {
  if (consent.kind === 'given') {
    const { confirmedAt, osUser } = consent;
    return buildConsentReceipt({ segments: plan.segments, destination, confirmedAt, osUser });
  }
  const standing = consent.consent;
  return {
    ...buildConsentReceipt({
      segments: plan.segments,
      destination,
      confirmedAt: new Date(standing.confirmedAt),
      osUser: standing.osUser,
      language: standing.termsLanguage,
    }),
    terms: standing.terms,
    termsVersion: standing.termsVersion,
    standingConsent: { id: standing.id, confirmedAt: standing.confirmedAt },
  };
}
