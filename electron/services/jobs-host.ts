/**
 * The jobs service as the host creates it: keys from the keychain of the settings services, the
 * Electron-only hooks (keep awake, notification, Save dialog) from the host environment, and the
 * language for the notification from the saved preference or the system.
 */
import type { HostEnvironment } from './host-environment';
import type { SettingsServices } from './settings-services';
import { createJobDestinationOpener } from '../../core/jobs/jobs-destination';
import { JobsService } from '../../core/jobs/jobs-service';
import { endFactsOf, endNotification } from './jobs-texts';
import { pickMainLanguage, type MainLanguage } from '../i18n/main-texts';
import type { JobListItem } from '../../shared/model/jobs';
import { currentOsUser } from '../../core/system/os-user';

/** The language main speaks (notifications, the quit dialog): the person's choice, else the system's. */
export async function savedMainLanguage(
  settings: SettingsServices['settings'],
  systemLocale = Intl.DateTimeFormat().resolvedOptions().locale,
): Promise<MainLanguage> {
  const saved = await settings.read().catch(() => null);
  return pickMainLanguage(saved?.preferences.language, systemLocale);
}

/** The OS notification when an export ends by itself, in the person's language (English if unsure). */
function endNotifier(
  notify: (title: string, body: string) => void,
  language: () => Promise<MainLanguage>,
): (item: JobListItem) => Promise<void> {
  return async (item) => {
    const text = endNotification(await language().catch(() => 'en' as const), endFactsOf(item));
    if (text) notify(text.title, text.body);
  };
}

export function createJobsServiceFor(
  environment: HostEnvironment,
  settingsServices: Pick<SettingsServices, 'secrets' | 'settings'>,
): JobsService {
  return new JobsService({
    dataFolder: environment.dataFolder,
    events: {
      progressed: (progress) => environment.events.emit('jobs:progress', progress),
      finished: (event) => environment.events.emit('jobs:finished', event),
    },
    openDestination: createJobDestinationOpener({ secrets: settingsServices.secrets }),
    keepAwake: environment.keepAwake,
    notifyEnd:
      environment.notify &&
      endNotifier(environment.notify, () => savedMainLanguage(settingsServices.settings)),
    saveFile: environment.saveFile,
    osUser: currentOsUser,
    logError: (error) => console.error('[jobs] an export run failed:', error),
  });
}
