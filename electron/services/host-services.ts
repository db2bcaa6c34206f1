import { PathGrants } from '../../core/import/path-grants';
import type { AppInfo } from '../../shared/ipc/channels/app';
import type { HostEnvironment } from './host-environment';
import { createSettingsServices, type SettingsServices } from './settings-services';
import { createSegmentLibrary, type SegmentLibrary } from '../../core/segments/segment-library';
import { createExportsHost } from './exports-host';
import type { ExportsService } from '../../core/exports/exports-service';
import { createJobsServiceFor } from './jobs-host';
import type { JobsService } from '../../core/jobs/jobs-service';
import type { AutomationService } from '../../core/automation/automation-service';
import { createAutomationHost } from './automation-host';

/**
 * Every main-process service, created once over one data folder. Electron's main.ts and the
 * end-to-end harness both call this, so the tests exercise the same services the app runs.
 * Nothing here imports Electron.
 */
export interface HostServices {
  readonly appInfo: AppInfo;
  readonly environment: HostEnvironment;
  /** Settings, the keychain (SecretStore) and destinations over both. */
  readonly settings: SettingsServices['settings'];
  readonly secrets: SettingsServices['secrets'];
  readonly destinations: SettingsServices['destinations'];
  /** Imported segments: snapshots in the data folder (core/segments/segment-library.ts). */
  readonly segments: SegmentLibrary;
  /** The paths the person chose, dropped or opened with the app: all importPaths may read. */
  readonly pathGrants: PathGrants;
  /** The Export screen: fields, lists, counts, preview, saved setups, Start (core/exports/). */
  readonly exports: ExportsService;
  /** Export jobs: runs, progress, pause/resume/cancel, History, reports (jobs-service.ts). */
  readonly jobs: JobsService;
  /** Automatic exports: watched folders, schedules, standing consents, runs (core/automation/). */
  readonly automation: AutomationService;
  /** Stops timers and flushes what must be on disk; called before quitting. */
  dispose(): Promise<void>;
}

/** Paths from the Open dialog and the system's open-file are the person's choice: granted. */
function grantingEnvironment(environment: HostEnvironment, grants: PathGrants): HostEnvironment {
  const { chooseFiles, chooseFolder, takeOpenFiles } = environment;
  return {
    ...environment,
    chooseFiles: chooseFiles && (async () => grants.grant(await chooseFiles())),
    chooseFolder:
      chooseFolder &&
      (async () => {
        const folder = await chooseFolder();
        return folder === null ? null : (grants.grant([folder])[0] ?? null);
      }),
    takeOpenFiles: takeOpenFiles && (() => grants.grant(takeOpenFiles())),
  };
}

export async function createHostServices(given: HostEnvironment): Promise<HostServices> {
  const pathGrants = new PathGrants();
  const environment = grantingEnvironment(given, pathGrants);
  const segments = await createSegmentLibrary({
    dataFolder: environment.dataFolder,
    onProgress: (progress) => environment.events.emit('segments:importProgress', progress),
    logError: (error) => console.error('[segments] import failed:', error),
  });
  const settingsServices = createSettingsServices(environment);
  const jobs = createJobsServiceFor(environment, settingsServices);
  const automation = createAutomationHost(environment, settingsServices, (jobId) =>
    jobs.start(jobId),
  );
  // Every setup made automatic listens again; a schedule slot missed while closed runs now.
  await automation.start();
  return {
    appInfo: {
      name: environment.appName,
      version: environment.appVersion,
      platform: environment.platform,
      dataFolder: environment.dataFolder,
    },
    environment,
    ...settingsServices,
    segments,
    pathGrants,
    exports: createExportsHost({
      environment,
      ...settingsServices,
      segments,
      startJob: (jobId) => jobs.start(jobId),
    }),
    jobs,
    automation,
    async dispose() {
      await automation.dispose();
      await jobs.dispose();
      await segments.dispose();
    },
  };
}
