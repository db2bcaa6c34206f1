// `npm run emulator -- --service ortto ...`: the mode and the settings it refuses.
import { describe, expect, it } from 'vitest';
import { parseEmulatorArgs, UsageError } from '../../emulator/cli-args';

describe('emulator --service', () => {
  it('picks the Ortto mode with the shared settings', () => {
    expect(parseEmulatorArgs(['--service', 'ortto', '--rate', '10', '--faults', '503'])).toEqual({
      help: false,
      quiet: false,
      service: 'ortto',
      options: { port: 4010, rate: 10, faultKinds: ['503'] },
    });
    expect(parseEmulatorArgs(['--service', 'Autopilot']).service).toBe('autopilot');
    expect(parseEmulatorArgs([]).service).toBeUndefined();
  });

  it.each([
    [['--service', 'mailchimp'], '--service takes autopilot or ortto; got "mailchimp".'],
    [['--service', 'ortto', '--quota', '5'], '--quota applies only to the Autopilot mode.'],
    [
      ['--service', 'ortto', '--quota', '5', '--no-retry-after'],
      '--quota and --no-retry-after apply only to the Autopilot mode.',
    ],
  ])('refuses %j', (args, message) => {
    expect(() => parseEmulatorArgs(args)).toThrow(UsageError);
    expect(() => parseEmulatorArgs(args)).toThrow(message);
  });
});
