/** Bits push, resume and jobs share. */
import { OpenDestinationError } from '../../core/destination-port/open-destination';
import { defaultDataFolder } from '../../core/settings/data-folder';
import { SecretStoreError } from '../../core/secrets/secret-store';
import { checkoutInvocation, type CliIo } from '../command';

/** No key could be had (no variable, unknown destination, keychain trouble): bad input, exit 2. */
export function keyProblem(error: unknown): boolean {
  return error instanceof OpenDestinationError || error instanceof SecretStoreError;
}

/** How to resume the job, naming --data-dir only when it is not the app's own folder. */
export function resumeCommand(
  jobId: string,
  dataFolder: string,
  io: Pick<CliIo, 'env' | 'invocation'>,
): string {
  const custom = dataFolder !== defaultDataFolder({ env: io.env });
  const invocation = io.invocation ?? checkoutInvocation;
  return `${invocation} resume ${jobId}${custom ? ` --data-dir ${JSON.stringify(dataFolder)}` : ''}`;
}
