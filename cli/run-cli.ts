import { describeCliError, errorJson, wantsJson } from './cli-errors';
import { checkoutInvocation, type CliCommand, type CliIo } from './command';
import { commands as defaultCommands } from './commands/index';
import { exitCodes, type ExitCode } from './exit-codes';
import { quoteArgument, withoutKey } from './quote-argument';

function usageText(
  commands: readonly CliCommand[],
  invocation: string = checkoutInvocation,
): string {
  const lines = [
    'Segment Courier: push customer segment files to Autopilot or Ortto from the command line.',
    '',
    'Usage:',
    ...commands.map((command) => `  ${invocation} ${command.synopsis}`),
    `  ${invocation} --help`,
    '',
    ...(commands.length > 0
      ? [
          'Commands:',
          ...commands.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`),
          '',
        ]
      : []),
    'The API key comes from the AUTOPILOT_API_KEY (Autopilot) or ORTTO_API_KEY (Ortto) environment',
    'variable, or from the keychain entry of --destination <display name>; never from a command-line',
    'argument. For Ortto, --list names a tag and --email-permission yes|no says whether new people',
    'agreed to receive email (required unless a consent column is matched).',
    '',
    'Exit codes: 0 every valid row delivered; 1 finished, some rows failed; 2 bad input or usage,',
    'nothing sent; 3 stopped before the end (resumable with `resume`).',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Parses the command name, runs it, and turns every refusal a person can act on into its sentence
 * on stderr (with the usage text for usage mistakes), its exit code, and with --json one error
 * object on stdout.
 */
/**
 * runCli for a process: an error no command turned into a refusal still ends as one sentence on
 * stderr (the key taken out), with --json one error object on stdout, and exit code 3. Never
 * throws. `npm run cli` (cli/main.ts) and the installed app's `--cli` (electron/app/) both end
 * here.
 */
export async function runCommandLine(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    return await runCli(argv, io);
  } catch (error) {
    const detail = withoutKey(error instanceof Error ? error.message : String(error), io.env);
    const message = `Segment Courier stopped on an unexpected error: ${detail}`;
    // A script reading --json output gets an object even now.
    if (wantsJson(argv.slice(1))) io.stdout.write(errorJson({ code: 'unexpected', message }));
    io.stderr.write(`${message}\n`);
    return exitCodes.stopped;
  }
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = defaultCommands,
): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(usageText(commands, io.invocation));
    return name === undefined ? exitCodes.badInput : exitCodes.success;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const message = `Unknown command ${quoteArgument(name)}.`;
    if (wantsJson(rest)) io.stdout.write(errorJson({ code: 'usage', message }));
    io.stderr.write(`${message}\n\n${usageText(commands, io.invocation)}`);
    return exitCodes.badInput;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const report = describeCliError(error);
    if (!report) throw error;
    const message = withoutKey(report.message, io.env);
    if (wantsJson(rest)) io.stdout.write(errorJson({ code: report.code, message }));
    io.stderr.write(
      report.showUsage ? `${message}\n\n${usageText(commands, io.invocation)}` : `${message}\n`,
    );
    return report.exitCode;
  }
}
