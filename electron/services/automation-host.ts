/**
 * The automation service as the host creates it: the keychain's destinations (the Export
 * screen's opener), the jobs service to run what it makes, an `automation:changed` event on every
 * change and an OS notification, in the person's language, after every run.
 */
import {
  AutomationService,
  type AutomationServiceOptions,
} from '../../core/automation/automation-service';
import { createSavedDestinationOpener } from '../../core/exports/open-destination';
import { savedSetupTarget } from '../../core/exports/setup-target';
import { currentOsUser } from '../../core/system/os-user';
import { automationNotification } from './automation-texts';
import type { HostEnvironment } from './host-environment';
import { savedMainLanguage } from './jobs-host';
import type { SettingsServices } from './settings-services';

/** How long one request to the account may take before an unattended run gives up on it. */
const requestTimeoutMs = 20_000;

export function createAutomationHost(
  environment: HostEnvironment,
  settingsServices: Pick<SettingsServices, 'secrets' | 'settings'>,
  startJob: (jobId: string) => Promise<void>,
  /** Tests give their own clock and shorter watch timings. */
  tuning: Pick<AutomationServiceOptions, 'clock' | 'timeZone' | 'timings'> = {},
): AutomationService {
  const { settings, secrets } = settingsServices;
  const opener = createSavedDestinationOpener({ settings, secrets, timeoutMs: requestTimeoutMs });
  const automation = new AutomationService({
    dataFolder: environment.dataFolder,
    settings,
    openTarget: savedSetupTarget(opener, requestTimeoutMs + 1_000),
    startJob,
    osUser: currentOsUser,
    logError: (error) => console.error('[automation]', error),
    ...tuning,
  });
  automation.onChanged((view) => environment.events.emit('automation:changed', view));
  automation.onRun((run) => {
    const notify = environment.notify;
    if (!notify) return;
    void savedMainLanguage(settings).then((language) => {
      const text = automationNotification(run, language);
      notify(text.title, text.body);
    });
  });
  return automation;
}
