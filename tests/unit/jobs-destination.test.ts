import { describe, expect, it } from 'vitest';
import { buildConsentReceipt } from '../../core/jobs/consent';
import type { JobDestination, JobManifest } from '../../core/jobs/job-manifest';
import { SecretStoreError, type SecretStore } from '../../core/secrets/secret-store';
import { failedOutcome } from '../../core/destinations/check-connection';
import {
  commandLineKeyMessage,
  createJobDestinationOpener,
  JobKeyUnavailableError,
  missingKeyMessage,
  pausedForKey,
  stopKindOf,
} from '../../core/jobs/jobs-destination';
import { jobStopKinds } from '../../shared/model/jobs';
import { recordingConnectors } from '../support/recording-connectors';

/** Issue 16, items 4 and 7: a job is opened by its own kind of account and declared permission. */
const secrets: SecretStore = {
  setKey: async () => undefined,
  readKey: async (id) => (id === 'saved' ? 'saved-key-123' : undefined),
  hasKey: async (id) => id === 'saved',
  deleteKey: async () => false,
};

const orttoJob: JobDestination = {
  id: 'saved',
  name: 'Ortto EU',
  endpoint: 'https://api.eu.ap3api.com/v1',
  rate: 10,
  service: 'ortto',
  region: 'eu',
  emailPermission: 'no',
};

describe('opening the destination of a job', () => {
  it('builds the client of the job’s service with its declared email permission', async () => {
    const { connectors, opened } = recordingConnectors();
    const open = createJobDestinationOpener({ secrets, connectors });
    await open(orttoJob);
    const { service: _service, region: _region, emailPermission: _permission, ...old } = orttoJob;
    await open({ ...old, endpoint: 'https://api2.autopilothq.com/v1' });
    expect(opened).toEqual([
      {
        service: 'ortto',
        endpoint: 'https://api.eu.ap3api.com/v1',
        apiKey: 'saved-key-123',
        timeoutMs: undefined,
        emailPermission: 'no',
      },
      {
        service: 'autopilot',
        endpoint: 'https://api2.autopilothq.com/v1',
        apiKey: 'saved-key-123',
        timeoutMs: undefined,
        emailPermission: undefined,
      },
    ]);
  });

  it('pauses a job pushed with ORTTO_API_KEY, naming that variable, and one whose key is gone', async () => {
    const { connectors, opened } = recordingConnectors();
    const open = createJobDestinationOpener({ secrets, connectors });
    const fromVariable = await open({ ...orttoJob, id: 'env' }).catch((error: unknown) => error);
    expect(fromVariable).toBeInstanceOf(JobKeyUnavailableError);
    expect(fromVariable).toMatchObject({
      kind: 'missing-key',
      message: expect.stringContaining('with ORTTO_API_KEY, whose key the app does not have'),
    });
    await expect(open({ ...orttoJob, id: 'deleted' })).rejects.toMatchObject({
      kind: 'missing-key',
    });
    expect(opened).toEqual([]);
  });

  it('pauses a job whose keychain will not answer, keeping the keychain’s words apart', async () => {
    const locked: SecretStore = {
      ...secrets,
      readKey: async () => {
        throw new SecretStoreError(
          'locked',
          'Your keychain is locked.',
          'Object locked (libsecret)',
        );
      },
    };
    const { connectors } = recordingConnectors();
    const open = createJobDestinationOpener({ secrets: locked, connectors });
    const error = await open(orttoJob).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JobKeyUnavailableError);
    const { stop } = pausedForKey(someManifest, error as JobKeyUnavailableError, new Date(0));
    expect(stop).toMatchObject({
      reason: 'rejected-key',
      keyProblem: 'keychain',
      message: 'Paused: the keychain did not give the API key. Your keychain is locked.',
      detail: 'Object locked (libsecret)',
    });
  });

  it('names the service, region and declared permission in the consent receipt', () => {
    const receipt = buildConsentReceipt({
      segments: [],
      destination: orttoJob,
      confirmedAt: new Date('2026-03-01T10:00:00Z'),
      osUser: 'marta',
    });
    expect(receipt.destination).toEqual({
      name: 'Ortto EU',
      endpoint: 'https://api.eu.ap3api.com/v1',
      service: 'ortto',
      region: 'eu',
    });
    expect(receipt.emailPermission).toBe('no');
  });

  it('words Connect’s failures for the service asked', () => {
    expect(failedOutcome('not-autopilot', 'ortto')).toMatchObject({
      message: expect.stringContaining('not like Ortto does'),
    });
    expect(failedOutcome('rejected-key', 'ortto')).toMatchObject({
      message: expect.stringMatching(/^Ortto did not accept/),
    });
    expect(failedOutcome('rejected-key', 'autopilot')).toMatchObject({
      message: expect.stringContaining('Settings, Autopilot API'),
    });
  });
});

// Only what pausedForKey reads and writes.
const someManifest = { status: 'running', stop: null } as unknown as JobManifest;

describe('the jobs channel speaks the engine’s words', () => {
  it('tells a missing key and a locked keychain apart from a key Autopilot rejected', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const paused = (kind: 'missing-key' | 'keychain', message: string) => {
      const { stop } = pausedForKey(someManifest, new JobKeyUnavailableError(kind, message), now);
      if (!stop) throw new Error('a pause records why');
      return stop;
    };
    const missing = paused('missing-key', missingKeyMessage);
    expect(missing).toMatchObject({ reason: 'rejected-key', message: missingKeyMessage });
    expect(stopKindOf(missing)).toBe('missing-key');
    const fromCommandLine = commandLineKeyMessage('ORTTO_API_KEY');
    expect(fromCommandLine).toContain('ORTTO_API_KEY');
    expect(stopKindOf(paused('missing-key', fromCommandLine))).toBe('missing-key');
    const locked = 'Paused: the keychain did not give the API key. The keyring is locked.';
    expect(stopKindOf(paused('keychain', locked))).toBe('keychain');
    // A rejected key, and a job paused for a key before the kind was recorded, read as rejected.
    expect(stopKindOf({ reason: 'rejected-key' })).toBe('rejected-key');
    for (const reason of ['user', 'cancel', 'offline', 'signal', 'error'] as const) {
      expect(jobStopKinds).toContain(stopKindOf({ reason }));
    }
  });
});
