import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliError, useCliWorld } from '../support/cli-world';

/**
 * Issue 16, item 8: what the command line refuses for Ortto before anything is sent: a push that
 * does not say what email permission new people get (Ortto subscribes them otherwise), a region
 * for Autopilot, a kind of account it does not know, and a key of the other service. Exit 2, no
 * request, no job and no snapshot left behind.
 */
const world = useCliWorld('courier-cli-ortto-');
const cli = world.cli;

const segmentFile = () => world.segmentFile();
const errorOf = cliError;

async function expectNothingLeft(): Promise<void> {
  expect(world.server.counters.total).toBe(0);
  expect(existsSync(path.join(world.dataFolder, 'jobs'))).toBe(false);
  expect(await readdir(path.join(world.dataFolder, 'segments')).catch(() => [])).toEqual([]);
}

describe('push to Ortto on the command line', () => {
  it('refuses a push that does not say what email permission new people get', async () => {
    const file = await segmentFile();
    const args = ['push', file, '--list', 'VIP', '--consent', '--json', '--service', 'ortto'];
    const result = await cli([...args, '--endpoint', world.server.url], {
      ORTTO_API_KEY: world.server.apiKey,
    });
    expect(result.code).toBe(2);
    expect(errorOf(result.stdout)).toMatchObject({ code: 'email-permission-missing' });
    expect(result.stderr).toContain('--email-permission yes');
    expect(result.stdout + result.stderr).not.toContain(world.server.apiKey);
    await expectNothingLeft();
  });

  it('reads the Ortto key from ORTTO_API_KEY only', async () => {
    const file = await segmentFile();
    const result = await cli(
      ['push', file, '--list', 'VIP', '--consent', '--json', '--service', 'ortto'],
      { AUTOPILOT_API_KEY: world.server.apiKey },
    );
    expect(result.code).toBe(2);
    expect(errorOf(result.stdout)).toMatchObject({ code: 'no-api-key' });
    expect(result.stderr).toContain('Set the ORTTO_API_KEY environment variable');
    await expectNothingLeft();
  });

  it.each([
    [['--service', 'autopilot', '--region', 'eu'], '--region is for Ortto accounts only'],
    [['--service', 'mailchimp'], '--service takes autopilot or ortto'],
    [['--service', 'ortto', '--region', 'us'], '--region takes au or eu'],
    [['--service', 'ortto', '--email-permission', 'maybe'], '--email-permission takes yes or no'],
  ])('refuses %j as a usage mistake', async (flags, sentence) => {
    const file = await segmentFile();
    const result = await cli(['push', file, '--list', 'VIP', '--consent', ...flags], {
      ORTTO_API_KEY: world.server.apiKey,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(sentence);
    await expectNothingLeft();
  });
});
