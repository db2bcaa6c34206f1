/**
 * The installed app answers the command line (issue 18, item 5): `Segment Courier --cli <command>`
 * runs the same runCli as `npm run cli`, writes to the launching shell's stdout and stderr, and
 * exits with the command's exit code. It opens no window and does not take the single-instance
 * lock, so it runs beside an open app (the job lock keeps the two from sending the same job).
 * The fuses forbid running the app as plain Node, so this is the only way in without a checkout.
 */
import type { CliIo } from '../../cli/command';
import { runCommandLine } from '../../cli/run-cli';

export async function answerCommandLine(
  args: readonly string[],
  io: CliIo,
  exit: (code: number) => void,
): Promise<void> {
  const code = await runCommandLine(args, io);
  // app.exit() ends the process at once: let what was written reach the pipe or file first.
  await Promise.all([drained(io.stdout), drained(io.stderr)]);
  exit(code);
}

function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
