/**
 * What this launch of the app is for, read from its command line before anything else starts:
 * the command line (`--cli <command> ...`, issue 18 item 5), a start at login that stays in the
 * tray (`--background`), or an ordinary start with a window.
 */

/** The switch that turns the installed app into the command line of `npm run cli`. */
const commandLineSwitch = '--cli';

/** The switch the login item starts the app with (login-item.ts): no window, services only. */
export const backgroundSwitch = '--background';

type LaunchMode =
  | { readonly kind: 'command-line'; readonly args: readonly string[] }
  | { readonly kind: 'app'; readonly background: boolean };

interface LaunchFacts {
  readonly argv: readonly string[];
  /** `leadingEntriesOf(process.defaultApp)`: the executable, and the app folder in development. */
  readonly leadingEntries: number;
}

/**
 * `--cli` must come before the command and anything else of the person's; only switches
 * (Chromium's own, or macOS's `-psn_...`) may stand before it. Everything after it is the
 * command line's, so `--cli inspect --background.csv` is still a command.
 */
export function launchModeOf(launch: LaunchFacts): LaunchMode {
  const entries = launch.argv.slice(launch.leadingEntries);
  for (const [index, entry] of entries.entries()) {
    if (entry === commandLineSwitch)
      return { kind: 'command-line', args: entries.slice(index + 1) };
    if (!entry.startsWith('-')) break;
  }
  return { kind: 'app', background: entries.includes(backgroundSwitch) };
}

/**
 * Whether to start without a window: started with `--background` (the Windows login item passes
 * it), or, on macOS, opened by the login item, which passes no arguments there.
 */
export function startsInBackground(
  mode: Extract<LaunchMode, { kind: 'app' }>,
  openedAtLogin: () => boolean,
): boolean {
  return mode.background || openedAtLogin();
}

/**
 * How the person started this command line, for its usage text and resume hints: the app's own
 * executable (and the app folder under `electron .`), quoted, then `--cli`.
 */
export function commandLineInvocation(launch: LaunchFacts): string {
  const leading = launch.argv.slice(0, launch.leadingEntries).map((entry) => `"${entry}"`);
  return [...leading, commandLineSwitch].join(' ');
}
