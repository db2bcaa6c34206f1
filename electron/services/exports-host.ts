import { createExportsService, type ExportsService } from '../../core/exports/exports-service';
import type { SegmentLibrary } from '../../core/segments/segment-library';
import type { SecretStore } from '../../core/secrets/secret-store';
import type { SettingsRepository } from '../../core/settings/settings-repository';
import type { HostEnvironment } from './host-environment';
import { currentOsUser } from '../../core/system/os-user';

interface ExportsHostOptions {
  readonly environment: HostEnvironment;
  readonly settings: SettingsRepository;
  readonly secrets: SecretStore;
  readonly segments: SegmentLibrary;
  /** Hands a created job to the upload engine (HostServices.jobs.start). */
  readonly startJob: (jobId: string) => Promise<void>;
}

/** The Export screen's service over the host's settings, keychain, segments and jobs. */
export function createExportsHost(options: ExportsHostOptions): ExportsService {
  return createExportsService({
    dataFolder: options.environment.dataFolder,
    settings: options.settings,
    secrets: options.secrets,
    importPaths: (paths) => options.segments.importPaths(paths),
    startJob: options.startJob,
    osUser: currentOsUser,
    logError: (error) => console.error('[exports]', error),
  });
}
