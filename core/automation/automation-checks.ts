/**
 * The checks before an automation is turned on or off: the setup is still there, and it has a
 * folder (that exists, feeding a one-segment setup) and/or a schedule.
 */
import { stat } from 'node:fs/promises';
import type { ExportSetupRecord, Settings } from '../settings/settings-schema';
import type { EmailPermissionChoice } from '../../shared/model/destination-service';
import { AutomationError } from './automation-error';
import { automationErrorCodes } from '../../shared/model/automation';
import {
  needsEmailPermission,
  type AutomationTriggerChoice,
  type RunnableSetup,
} from './automation-statement';

export function runnableOrGone(settings: Settings, setupId: string): ExportSetupRecord {
  const setup = settings.exportSetups.find((candidate) => candidate.id === setupId);
  if (setup) return setup;
  throw new AutomationError(
    automationErrorCodes.setupNotFound,
    'This setup no longer exists: it may have been deleted.',
  );
}

/** A folder and/or a schedule; the folder must be there, and feed a one-segment setup. */
async function checkTriggers(
  setup: ExportSetupRecord,
  choice: AutomationTriggerChoice,
): Promise<void> {
  if (!choice.folder && !choice.schedule) {
    throw new AutomationError(
      automationErrorCodes.noTrigger,
      'Choose a folder to watch, a schedule, or both.',
    );
  }
  if (!choice.folder) return;
  const isFolder = await stat(choice.folder).then(
    (found) => found.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    throw new AutomationError(
      automationErrorCodes.folderMissing,
      `The folder ${choice.folder} is not there (or is not a folder). Choose it again.`,
    );
  }
  if ((setup.segments ?? []).length !== 1) {
    throw new AutomationError(
      automationErrorCodes.setupIncomplete,
      `A watched folder feeds a setup with one segment; "${setup.name}" has ${(setup.segments ?? []).length}. Use a schedule, or save a setup with one segment.`,
    );
  }
}

/** Everything turning on needs: a trigger, and for Ortto without a consent column the answer. */
export async function checkEnable(
  runnable: RunnableSetup,
  input: AutomationTriggerChoice & { readonly emailPermission?: EmailPermissionChoice },
): Promise<void> {
  await checkTriggers(runnable.setup, input);
  if (needsEmailPermission(runnable) && input.emailPermission === undefined) {
    throw new AutomationError(
      automationErrorCodes.emailPermissionMissing,
      'Say whether these people agreed to receive email: Ortto subscribes new people unless told otherwise.',
    );
  }
}
