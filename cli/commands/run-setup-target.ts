/**
 * The command line's way to open a saved setup's destination for the run chain: the key from the
 * service's variable or the keychain (cli/push/api-key.ts), then one cheap call so a wrong key or
 * an unreachable endpoint is bad input before any job exists. A saved setup records no email
 * permission outside a standing consent: an Ortto one without it runs only with a consent column
 * in every segment, so nobody is subscribed by the run.
 */
import type { SetupTargetOpener } from '../../core/automation/run-saved-setup';
import type { CliIo } from '../command';
import { cliJobDestination, keySourceLabel, openCliDestination } from '../push/api-key';
import { checkDestination } from '../push/check-destination';

export function cliSetupTarget(dataFolder: string, io: CliIo): SetupTargetOpener {
  return async (record, needs) => {
    const opened = await openCliDestination({
      env: io.env,
      dataFolder,
      destinationName: record.displayName,
      consentColumn: needs.consentColumn,
      ...(needs.emailPermission === undefined ? {} : { emailPermission: needs.emailPermission }),
    });
    const { destination, found } = opened;
    await checkDestination(destination, opened.endpoint, keySourceLabel(found), found.service);
    return { destination, jobDestination: cliJobDestination(opened) };
  };
}
