import type { ExitCode } from './exit-codes';

/** Where a command writes: stdout for results, stderr for progress and messages. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  /**
   * How the person starts this command line, for the usage text and the resume hint:
   * `npm run cli --` from a checkout (the default), the app's own executable and `--cli` when the
   * installed app answers (electron/app/command-line.ts).
   */
  readonly invocation?: string;
}

export const checkoutInvocation = 'npm run cli --';

export interface CliCommand {
  readonly name: string;
  /** One line for the usage text, after the invocation (`npm run cli --`). */
  readonly synopsis: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}

/** A usage mistake: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
