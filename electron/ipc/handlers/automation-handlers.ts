import { AutomationError } from '../../../core/automation/automation-error';
import { SettingsError } from '../../../core/settings/settings-error';
import type { ChannelInput } from '../../../shared/ipc/bridge-api';
import {
  automationErrorCodes,
  type BackgroundSettings,
} from '../../../shared/ipc/channels/automation';
import type { HostServices } from '../../services/host-services';
import { UserFacingError } from '../user-facing-error';
import { plainErrorsVia } from './plain-errors';

/** Refusals keep their plain message and code; anything else stays internal. */
const plainly = plainErrorsVia((error) => {
  if (error instanceof AutomationError) return new UserFacingError(error.code, error.message);
  if (error instanceof SettingsError) {
    return new UserFacingError(automationErrorCodes.setupNotFound, error.message);
  }
  return error;
});

function background(services: HostServices): BackgroundSettings {
  const loginItem = services.environment.loginItem;
  if (!loginItem?.supported) return { startAtLoginSupported: false, startAtLogin: false };
  return { startAtLoginSupported: true, startAtLogin: loginItem.get() };
}

/**
 * A folder to watch must be one the person chose in the folder dialog (or the one the setup
 * already watches), so a page cannot make main read whatever folder it names.
 */
async function checkFolderChosen(services: HostServices, setupId: string, folder: string | null) {
  if (folder === null || services.pathGrants.isGranted(folder)) return;
  const settings = await services.settings.read();
  const setup = settings.exportSetups.find((candidate) => candidate.id === setupId);
  if (setup?.automation?.folder === folder) return;
  throw new AutomationError(
    automationErrorCodes.folderMissing,
    'Choose the folder to watch with Choose folder, so Segment Courier knows you picked it.',
  );
}

export function createAutomationHandlers(services: HostServices) {
  const { automation } = services;
  return {
    'automation:list': () => plainly(() => automation.list()),
    'automation:statement': (input: ChannelInput<'automation:statement'>) =>
      plainly(() => automation.statement(input)),
    'automation:enable': (input: ChannelInput<'automation:enable'>) =>
      plainly(async () => {
        await checkFolderChosen(services, input.setupId, input.folder);
        return automation.enable({
          setupId: input.setupId,
          folder: input.folder,
          schedule: input.schedule,
          language: input.consent.language,
          ...(input.emailPermission === undefined
            ? {}
            : { emailPermission: input.emailPermission }),
        });
      }),
    'automation:disable': (input: ChannelInput<'automation:disable'>) =>
      plainly(() => automation.disable(input.setupId)),
    'automation:chooseFolder': () =>
      plainly(async () => ({ folder: (await services.environment.chooseFolder?.()) ?? null })),
    'automation:runs': () => plainly(() => automation.runs()),
    'automation:background': async () => background(services),
    'automation:setStartAtLogin': async (input: ChannelInput<'automation:setStartAtLogin'>) => {
      const loginItem = services.environment.loginItem;
      if (loginItem?.supported) loginItem.set(input.enabled);
      return background(services);
    },
  };
}
