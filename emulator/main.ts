/**
 * `npm run emulator -- --port 4010 --rate 5 [--service ortto]`: runs the local Autopilot (or Ortto)
 * API until Ctrl-C, printing the base URL, the accepted key and (unless --quiet) one line per
 * request.
 */
import { emulatorUsage, parseEmulatorArgs, UsageError, type EmulatorCommand } from './cli-args';
import type { SharedEmulatorOptions } from './options';
import { startOrttoEmulator } from './ortto/server';
import type { RecordedRequest } from './recorder';
import type { RunningEmulatorBase } from './runtime';
import { startEmulator } from './server';

interface StartedMode {
  readonly name: string;
  /** What the request log calls the records a write carries. */
  readonly noun: string;
  readonly emulator: RunningEmulatorBase<SharedEmulatorOptions>;
  /** The mode's own limits, for the banner. */
  readonly limits: string;
}

async function startMode(command: EmulatorCommand): Promise<StartedMode> {
  if (command.service === 'ortto') {
    const emulator = await startOrttoEmulator(command.options);
    const { banThreshold, banWindowMs, banDurationMs, maxPeople } = emulator.options;
    const limits = `${maxPeople} people per merge; ${banThreshold} bad requests in ${banWindowMs / 1000} s ban for ${banDurationMs / 1000} s`;
    return { name: 'Ortto', noun: 'people', emulator, limits };
  }
  const emulator = await startEmulator(command.options);
  const limits = `daily quota: ${emulator.options.dailyQuota ?? 'none'}`;
  return { name: 'Autopilot', noun: 'contacts', emulator, limits };
}

function describe(request: RecordedRequest, noun: string): string {
  const result = request.outcome === 'answered' ? String(request.status) : request.outcome;
  const contacts = request.contactCount > 0 ? ` (${request.contactCount} ${noun})` : '';
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
  const { name, noun, emulator, limits } = await startMode(command);
  const { rate, burst, faultRate, faultKinds } = emulator.options;
  console.log(`${name} emulator listening on ${emulator.url}`);
  console.log(
    `Accepted API key${emulator.options.apiKeys.length > 1 ? 's' : ''}: ${emulator.options.apiKeys.join(', ')}`,
  );
  console.log(
    `Rate: ${rate === undefined ? 'unlimited' : `${rate}/s, burst ${burst ?? Math.max(1, Math.ceil(rate))}`}; ` +
      `${limits}; faults: ${faultRate > 0 ? `${faultRate} (${faultKinds.join(',')})` : 'none'}`,
  );
  console.log('Press Ctrl-C to stop.');
  if (!command.quiet) emulator.onRequest((request) => console.log(describe(request, noun)));
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
