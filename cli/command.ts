import type { ExitCode } from './exit-codes';

/** Where a command writes: stdout for results, stderr for progress and messages. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  readonly name: string;
  /** One line for the usage text, after `npm run cli --`. */
  readonly synopsis: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}

/** A usage mistake: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
