import { exitCodes } from './exit-codes';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(
      `Segment Courier stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = exitCodes.stopped;
  });
