/**
 * The jobs service as the host creates it: keys from the keychain of the settings services, the
 * Electron-only hooks (keep awake, notification, Save dialog) from the host environment, and the
 * language for the notification from the saved preference or the system.
 */
import type { HostEnvironment } from './host-environment';
import type { SettingsServices } from './settings-services';
import { createJobDestinationOpener } from './jobs-destination';
import { JobsService } from './jobs-service';
import { pickMainLanguage, type MainLanguage } from '../i18n/main-texts';
import { currentOsUser } from '../../core/system/os-user';

/** The language main speaks (notifications, the quit dialog): the person's choice, else the system's. */
export async function savedMainLanguage(
  settings: SettingsServices['settings'],
  systemLocale = Intl.DateTimeFormat().resolvedOptions().locale,
): Promise<MainLanguage> {
  const saved = await settings.read().catch(() => null);
  return pickMainLanguage(saved?.preferences.language, systemLocale);
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
    language: () => savedMainLanguage(settingsServices.settings),
    osUser: currentOsUser,
    logError: (error) => console.error('[jobs] an export run failed:', error),
  });
}
