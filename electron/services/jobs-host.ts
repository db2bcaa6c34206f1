/**
 * The jobs service as the host creates it: keys from the keychain of the settings services, the
 * Electron-only hooks (keep awake, notification, Save dialog) from the host environment, and the
 * language for the notification from the saved preference or the system.
 */
import os from 'node:os';
import type { HostEnvironment } from './host-services';
import type { SettingsServices } from './settings-services';
import { createJobDestinationOpener } from './jobs-destination';
import { JobsService } from './jobs-service';
import { pickMainLanguage } from './jobs-texts';

/** The OS account recorded with a retry's consent; some containers have no passwd entry. */
function currentOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export function createJobsServiceFor(
  environment: HostEnvironment,
  settingsServices: Pick<SettingsServices, 'secrets' | 'settings'>,
): JobsService {
  return new JobsService({
    dataFolder: environment.dataFolder,
    events: environment.events,
    openDestination: createJobDestinationOpener({ secrets: settingsServices.secrets }),
    keepAwake: environment.keepAwake,
    notify: environment.notify,
    saveFile: environment.saveFile,
    language: async () => {
      const settings = await settingsServices.settings.read().catch(() => null);
      const systemLocale = Intl.DateTimeFormat().resolvedOptions().locale;
      return pickMainLanguage(settings?.preferences.language, systemLocale);
    },
    osUser: currentOsUser,
    logError: (error) => console.error('[jobs] an export run failed:', error),
  });
}
