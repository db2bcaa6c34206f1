import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../../bench/upload/cli-bundle';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import {
  jobFile,
  readJobManifest,
  selectionFile,
  writeJobManifest,
} from '../../core/jobs/job-store';
import { cliError, useCliWorld } from '../support/cli-world';

/**
 * Issue 12: what the command line refuses, before anything is sent, with a plain sentence, exit
 * code 2 and with --json one error object: endpoints that would expose the key (item 7), keys that
 * cannot be keys and keys typed as arguments (items 12 and 14), damaged jobs and data folders that
 * cannot be written (item 12), files over the app's limits (item 11).
 */
const world = useCliWorld('courier-cli-refusals-');
const cli = world.cli;

const segmentFile = () => world.segmentFile();
const errorOf = cliError;

/** The emulator's address as an IPv4-mapped IPv6 literal: this computer, but not by either name the rule allows. */
const disguisedUrl = () => world.server.url.replace('127.0.0.1', '[::ffff:127.0.0.1]');

async function fixtureJob(endpoint = world.server.url) {
  await writeSnapshot(world.dataFolder, {
    segmentId: 'seg',
    columns: generatedColumns,
    rows: generatedRows(150),
  });
  const job = await createFixtureJob({
    dataFolder: world.dataFolder,
    segments: [{ segmentId: 'seg', listName: 'Fixture' }],
    mapping: generatedMapping,
    endpoint,
  });
  // As a kill leaves it: "running", with a lock naming a process that is gone.
  await writeJobManifest(world.dataFolder, { ...job, status: 'running' });
  await writeFile(jobFile(world.dataFolder, job.id, 'lock'), '999999999');
  return job;
}

describe('the endpoint rule on the command line (item 7)', () => {
  it('sends the key only over https or to this computer by name, and never to an address with a password', async () => {
    const file = await segmentFile();
    const plain = await cli([
      'push',
      file,
      '--list',
      'L',
      '--consent',
      '--json',
      '--endpoint',
      `${disguisedUrl()}`,
    ]);
    expect(plain.code).toBe(2);
    expect(errorOf(plain.stdout)).toMatchObject({ code: 'invalid-endpoint' });
    expect(plain.stderr).toContain('must start with https://');

    const withPassword = world.server.url.replace('http://', 'http://marketer:hunter2pass@');
    const credentials = await cli([
      'push',
      file,
      '--list',
      'L',
      '--consent',
      '--json',
      '--endpoint',
      withPassword,
    ]);
    expect(credentials.code).toBe(2);
    expect(errorOf(credentials.stdout).code).toBe('invalid-endpoint');
    expect(credentials.stderr + credentials.stdout).not.toContain('hunter2pass');

    expect(world.server.counters.total).toBe(0);
    expect(existsSync(path.join(world.dataFolder, 'jobs'))).toBe(false);
  });

  it('checks the endpoint stored in a job again before resuming it', async () => {
    const job = await fixtureJob(disguisedUrl());
    const resumed = await cli(['resume', job.id, '--json']);
    expect(resumed.code).toBe(2);
    expect(errorOf(resumed.stdout).code).toBe('invalid-endpoint');
    expect(world.server.counters.total).toBe(0);
  });
});

describe('keys (items 12 and 14)', () => {
  it('refuses a key with a line break inside before a job exists, without printing it', async () => {
    const file = await segmentFile();
    const key = `${world.server.apiKey}\nX-Injected: yes`;
    const result = await cli(
      ['push', file, '--list', 'L', '--consent', '--json', '--endpoint', world.server.url],
      {
        AUTOPILOT_API_KEY: key,
      },
    );
    expect(result.code).toBe(2);
    expect(errorOf(result.stdout)).toMatchObject({ code: 'invalid-api-key' });
    expect(result.stderr).toContain('has a line break, space or other character inside it');
    expect(result.stdout + result.stderr).not.toContain(world.server.apiKey);
    expect(world.server.counters.total).toBe(0);
    expect(existsSync(path.join(world.dataFolder, 'jobs'))).toBe(false);
  });

  it('never echoes a key typed as a bare argument', async () => {
    const file = await segmentFile();
    const typed = await cli(
      ['push', file, world.server.apiKey, '--list', 'L', '--endpoint', world.server.url],
      {},
    );
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain('push takes one file');
    expect(typed.stderr).not.toContain(world.server.apiKey);
    const asCommand = await cli([world.server.apiKey], {});
    expect(asCommand.code).toBe(2);
    expect(asCommand.stderr).toContain('Unknown command');
    expect(asCommand.stderr).not.toContain(world.server.apiKey);
    const asJobId = await cli(['resume', 'some-job', world.server.apiKey, '--json'], {});
    expect(asJobId.code).toBe(2);
    expect(asJobId.stdout + asJobId.stderr).not.toContain(world.server.apiKey);
    expect(world.server.counters.total).toBe(0);
  });
});

describe('damaged jobs (item 12)', () => {
  it('are listed as damaged, never resumable, and resume refuses them with exit 2', async () => {
    const noSelection = await fixtureJob();
    await rm(selectionFile(world.dataFolder, noSelection.id, 0));
    const rows = path.join(world.dataFolder, 'segments', 'seg', 'table.txt');
    const cutSnapshot = await fixtureJob();
    const unreadable = await fixtureJob();
    await writeFile(
      jobFile(world.dataFolder, unreadable.id, 'manifest'),
      '{"formatVersion": 1, "id"',
    );

    const listing = await cli(['jobs', '--json']);
    expect(listing.code).toBe(0);
    const byId = new Map(
      JSON.parse(listing.stdout).map((job: { jobId: string }) => [job.jobId, job]),
    );
    expect(byId.get(noSelection.id)).toMatchObject({ damaged: true, interrupted: false });
    expect(byId.get(unreadable.id)).toMatchObject({ damaged: true });
    // Every job shares the snapshot: cut it short, and the others are damaged too.
    expect(byId.get(cutSnapshot.id)).toMatchObject({ damaged: false, interrupted: true });
    await truncate(rows, (await stat(rows)).size - 40);
    const cut = JSON.parse((await cli(['jobs', '--json'])).stdout);
    expect(cut.find((job: { jobId: string }) => job.jobId === cutSnapshot.id)).toMatchObject({
      damaged: true,
      interrupted: false,
    });
    const text = await cli(['jobs']);
    expect(text.stdout).toContain('damaged (cannot be resumed)');
    expect(text.stdout).not.toContain('resumable');

    for (const job of [noSelection, cutSnapshot, unreadable]) {
      const resumed = await cli(['resume', job.id, '--json']);
      expect(resumed.code, resumed.stderr).toBe(2);
      expect(errorOf(resumed.stdout).code).toBe('job-damaged');
      expect(resumed.stderr).toContain('damaged');
    }
    expect(world.server.counters.total).toBe(0);
    expect((await readJobManifest(world.dataFolder, cutSnapshot.id)).status).toBe('running');
  });
});

describe('the data folder and the file (items 11 and 12)', () => {
  it('says plainly that a data folder cannot be written, exit 2, nothing sent', async () => {
    const file = await segmentFile();
    await mkdir(world.dataFolder, { mode: 0o555 });
    await chmod(world.folder, 0o755);
    await chmod(file, 0o644);
    // Root writes anywhere: run as "nobody" then, for whom the folder is read-only.
    const asRoot = process.getuid?.() === 0;
    const bundle = await bundleCli();
    const child = spawn(
      process.execPath,
      [
        bundle,
        'push',
        file,
        '--list',
        'L',
        '--consent',
        '--json',
        '--endpoint',
        world.server.url,
        '--data-dir',
        world.dataFolder,
      ],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: world.folder,
          AUTOPILOT_API_KEY: world.server.apiKey,
        },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(2);
    expect(errorOf(stdout).code).toBe('data-folder-not-writable');
    expect(stderr).toContain("can't write to its data folder");
    expect(world.server.counters.total).toBe(0);
  });

  it('refuses a file over 2 GB before reading it (a sparse file: nothing that size is written)', async () => {
    const file = path.join(world.folder, 'huge.csv');
    await writeFile(file, 'Email,Name\nanna@example.com,Anna\n');
    await truncate(file, 2_100 * 1024 ** 2);
    const result = await cli([
      'push',
      file,
      '--list',
      'L',
      '--consent',
      '--json',
      '--endpoint',
      world.server.url,
    ]);
    expect(result.code).toBe(2);
    expect(errorOf(result.stdout).code).toBe('too-large');
    expect(result.stderr).toMatch(
      /is 2\.1 GB, more than the .+ Segment Courier can import at once/,
    );
    expect(await readdir(path.join(world.dataFolder, 'segments')).catch(() => [])).toEqual([]);
    expect(world.server.counters.total).toBe(0);
  });

  it('keeps a job readable only by its user, even where jobs/ was left open', async () => {
    await mkdir(path.join(world.dataFolder, 'jobs'), { recursive: true, mode: 0o755 });
    await chmod(path.join(world.dataFolder, 'jobs'), 0o755);
    const result = await cli([
      'push',
      await segmentFile(),
      '--list',
      'L',
      '--consent',
      '--json',
      '--endpoint',
      world.server.url,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const { jobId } = JSON.parse(result.stdout);
    const mode = async (target: string) => (await stat(target)).mode & 0o777;
    expect(await mode(path.join(world.dataFolder, 'jobs'))).toBe(0o700);
    const jobFolder = path.join(world.dataFolder, 'jobs', jobId);
    expect(await mode(jobFolder)).toBe(0o700);
    for (const name of await readdir(jobFolder)) {
      expect(await mode(path.join(jobFolder, name)), name).toBe(0o600);
    }
  });
});
