/**
 * Creates a job the way the app and the command line do (count the plan, record the consent,
 * create the job), for tests and benchmarks.
 */
import type { FieldMapping } from '../../shared/matching/field-mapping';
import type { DestinationService } from '../../shared/model/destination-service';
import { buildConsentReceipt } from '../../core/jobs/consent';
import { createJob } from '../../core/jobs/create-job';
import type { JobManifest, JobSettings } from '../../core/jobs/job-manifest';
import { planExport } from '../../core/upload/export-plan';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';

interface FixtureJobOptions {
  readonly dataFolder: string;
  readonly segments: readonly { readonly segmentId: string; readonly listName: string }[];
  readonly mapping: FieldMapping;
  readonly endpoint?: string;
  readonly rate?: number;
  readonly settings?: Partial<JobSettings>;
  /** The kind of account the job sends to; Autopilot's when absent, as jobs before Ortto. */
  readonly service?: DestinationService;
}

export async function createFixtureJob(options: FixtureJobOptions): Promise<JobManifest> {
  const snapshots = fileSnapshotAccess(options.dataFolder);
  const plan = await planExport(
    snapshots,
    options.segments.map((segment) => ({ ...segment, mapping: options.mapping })),
  );
  const destination = {
    id: 'env',
    name: 'Test Autopilot',
    endpoint: options.endpoint ?? 'http://127.0.0.1:1/v1',
    rate: options.rate ?? 5,
    ...(options.service ? { service: options.service } : {}),
  };
  return createJob({
    dataFolder: options.dataFolder,
    segments: plan.segments,
    destination,
    consent: buildConsentReceipt({
      segments: plan.segments,
      destination,
      confirmedAt: new Date(),
      osUser: 'tester',
    }),
    settings: options.settings,
  });
}
