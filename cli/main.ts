import { errorJson, wantsJson } from './cli-errors';
import { exitCodes } from './exit-codes';
import { withoutKey } from './quote-argument';
import { runCli } from './run-cli';

const argv = process.argv.slice(2);
runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    const detail = withoutKey(error instanceof Error ? error.message : String(error), process.env);
    const message = `Segment Courier stopped on an unexpected error: ${detail}`;
    // A script reading --json output gets an object even now.
    if (wantsJson(argv.slice(1))) process.stdout.write(errorJson({ code: 'unexpected', message }));
    process.stderr.write(`${message}\n`);
    process.exitCode = exitCodes.stopped;
  });
