/**
 * `npm run emulator -- --port 4010 --rate 5`: runs the local Autopilot API until Ctrl-C, printing
 * the base URL, the accepted key and (unless --quiet) one line per request.
 */
import { emulatorUsage, parseEmulatorArgs, UsageError, type EmulatorCommand } from './cli-args';
import type { RecordedRequest } from './recorder';
import { startEmulator } from './server';

function describe(request: RecordedRequest): string {
  const result = request.outcome === 'answered' ? String(request.status) : request.outcome;
  const contacts = request.contactCount > 0 ? ` (${request.contactCount} contacts)` : '';
  const fault =
    request.fault && request.fault !== 'reset' && request.fault !== 'hang'
      ? ` [${request.fault}]`
      : '';
  return `#${request.number} ${request.method} ${request.path} → ${result}${contacts}${fault}`;
}

function readCommand(): EmulatorCommand | undefined {
  try {
    return parseEmulatorArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${emulatorUsage}`);
    process.exitCode = 2;
    return undefined;
  }
}

async function main(): Promise<void> {
  const command = readCommand();
  if (!command) return;
  if (command.help) {
    console.log(emulatorUsage);
    return;
  }
  const emulator = await startEmulator(command.options);
  const { rate, burst, dailyQuota, faultRate, faultKinds } = emulator.options;
  console.log(`Autopilot emulator listening on ${emulator.url}`);
  console.log(
    `Accepted API key${emulator.options.apiKeys.length > 1 ? 's' : ''}: ${emulator.options.apiKeys.join(', ')}`,
  );
  console.log(
    `Rate: ${rate === undefined ? 'unlimited' : `${rate}/s, burst ${burst ?? Math.max(1, Math.ceil(rate))}`}; ` +
      `daily quota: ${dailyQuota ?? 'none'}; faults: ${faultRate > 0 ? `${faultRate} (${faultKinds.join(',')})` : 'none'}`,
  );
  console.log('Press Ctrl-C to stop.');
  if (!command.quiet) emulator.onRequest((request) => console.log(describe(request)));
  const stop = () => {
    void emulator.close().then(() => {
      console.log('Emulator stopped.');
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  console.error(
    code === 'EADDRINUSE'
      ? 'That port is already in use. Pick another with --port.'
      : `The emulator could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
});
