import type { CliCommand } from '../command';

/** Every command of `npm run cli`; features add theirs here. */
export const commands: readonly CliCommand[] = [];
