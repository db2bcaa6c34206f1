/**
 * The app's way to open a saved setup's destination for an automatic run (run-saved-setup.ts):
 * the key from the keychain through the Export screen's opener, the same cheap check as Start,
 * and the job's destination recorded the same way. Ortto without a consent column runs only with
 * the permission the standing consent declared, so nobody is subscribed by accident.
 */
import type { SetupTargetOpener } from '../automation/run-saved-setup';
import { ExportsError } from './exports-error';
import { exportErrorCodes } from '../../shared/model/exports';
import {
  checkOpenedDestination,
  jobDestinationOf,
  type DestinationOpener,
} from './open-destination';

export function savedSetupTarget(opener: DestinationOpener, timeoutMs: number): SetupTargetOpener {
  return async (record, needs) => {
    if (record.service === 'ortto' && !needs.consentColumn && needs.emailPermission === undefined) {
      throw new ExportsError(
        exportErrorCodes.emailPermissionMissing,
        'Say whether these people agreed to receive email: turn the automation on again and answer the question. Ortto subscribes new people unless told otherwise, so nothing was sent.',
      );
    }
    const opened = await opener.open(record.id, { emailPermission: needs.emailPermission });
    await checkOpenedDestination(opened, timeoutMs);
    return {
      destination: opened.destination,
      jobDestination: jobDestinationOf(opened.record, needs.emailPermission),
    };
  };
}
