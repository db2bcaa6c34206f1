import { describe, expect, it } from 'vitest';
import { commandLineInvocation, launchModeOf, startsInBackground } from './launch-mode';

const modeOf = (argv: string[], leadingEntries = 1) => launchModeOf({ argv, leadingEntries });

describe('launch mode', () => {
  it('an ordinary start, with or without files to open, is the app with a window', () => {
    expect(modeOf(['/opt/Segment Courier/segment-courier'])).toEqual({
      kind: 'app',
      background: false,
    });
    expect(modeOf(['exe', '/home/ana/leads.csv'])).toEqual({ kind: 'app', background: false });
  });

  it('--cli hands everything after it to the command line', () => {
    expect(modeOf(['Segment Courier.exe', '--cli', 'run-setup', 'Weekly newsletter'])).toEqual({
      kind: 'command-line',
      args: ['run-setup', 'Weekly newsletter'],
    });
    expect(modeOf(['exe', '--cli', 'inspect', '--background', '--json'])).toEqual({
      kind: 'command-line',
      args: ['inspect', '--background', '--json'],
    });
    expect(modeOf(['exe', '--cli'])).toEqual({ kind: 'command-line', args: [] });
  });

  it('skips the app folder under `electron .` and switches before --cli', () => {
    expect(modeOf(['electron', '.', '--cli', 'jobs'], 2)).toEqual({
      kind: 'command-line',
      args: ['jobs'],
    });
    expect(modeOf(['exe', '--no-sandbox', '-psn_0_1234', '--cli', 'jobs'])).toEqual({
      kind: 'command-line',
      args: ['jobs'],
    });
  });

  it('--cli after a file or the app folder is not the command line', () => {
    expect(modeOf(['exe', 'leads.csv', '--cli', 'jobs']).kind).toBe('app');
    expect(modeOf(['electron', '.', '--cli'], 1).kind).toBe('app');
  });

  it('--background is a start without a window; macOS says so through the login item', () => {
    const login = modeOf(['exe', '--background']);
    expect(login).toEqual({ kind: 'app', background: true });
    if (login.kind !== 'app') throw new Error('expected the app');
    expect(startsInBackground(login, () => false)).toBe(true);
    const plain = { kind: 'app', background: false } as const;
    expect(startsInBackground(plain, () => false)).toBe(false);
    expect(startsInBackground(plain, () => true)).toBe(true);
  });

  it("names the app's own executable in the command line's usage and resume hints", () => {
    const installed = [
      'C:\\Users\\ana\\AppData\\Local\\Programs\\Segment Courier\\Segment Courier.exe',
    ];
    expect(
      commandLineInvocation({ argv: [...installed, '--cli', 'jobs'], leadingEntries: 1 }),
    ).toBe(`"${installed[0]}" --cli`);
    expect(
      commandLineInvocation({
        argv: ['/usr/bin/electron', '/src/courier', '--cli'],
        leadingEntries: 2,
      }),
    ).toBe('"/usr/bin/electron" "/src/courier" --cli');
  });
});
