import { describe, expect, it } from 'vitest';
import {
  commandLineKeyMessage,
  JobKeyUnavailableError,
  missingKeyMessage,
  pausedForKey,
  stopKindOf,
} from '../../electron/services/jobs-destination';
import { reportFileName } from '../../electron/services/jobs-report';
import { pickMainLanguage } from '../../electron/i18n/main-texts';
import { endNotification } from '../../electron/services/jobs-texts';
import { jobStopKinds } from '../../shared/ipc/channels/jobs';
import type { JobManifest } from '../../core/jobs/job-manifest';

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

describe('what main says outside the window', () => {
  const facts = { segments: ['clients-girona', 'vip'], valid: 1_500, succeeded: 1_500, failed: 0 };

  it('notifies when an export ends by itself, in English or Catalan', () => {
    expect(endNotification('en', { ...facts, status: 'completed', stopKind: null })).toEqual({
      title: 'Export finished',
      body: '“clients-girona”, “vip”: all 1,500 contacts were delivered.',
    });
    expect(
      endNotification('ca', {
        ...facts,
        status: 'completed_with_errors',
        stopKind: null,
        succeeded: 1_498,
        failed: 2,
      }),
    ).toEqual({
      title: 'Exportació acabada amb problemes',
      body: '“clients-girona”, “vip”: s’han lliurat 1.498 de 1.500 contactes; 2 no. L’informe els detalla.',
    });
    expect(
      endNotification('en', { ...facts, status: 'paused', stopKind: 'rejected-key' })?.body,
    ).toContain('Autopilot rejected the API key');
    const ortto = { ...facts, service: 'ortto', status: 'paused', stopKind: 'offline' } as const;
    expect(endNotification('en', ortto)?.body).toContain('Ortto could not be reached');
    expect(endNotification('ca', ortto)?.body).toContain('amb Ortto durant molta estona');
  });

  it('stays quiet when the person stopped the export themselves', () => {
    for (const stopKind of ['user', 'signal'] as const) {
      expect(endNotification('en', { ...facts, status: 'paused', stopKind })).toBeNull();
    }
    expect(endNotification('en', { ...facts, status: 'cancelled', stopKind: 'cancel' })).toBeNull();
  });

  it('picks the saved language, else the system’s, else English', () => {
    expect(pickMainLanguage('ca', 'en-US')).toBe('ca');
    expect(pickMainLanguage(undefined, 'ca-ES')).toBe('ca');
    expect(pickMainLanguage(undefined, 'ca_ES.UTF-8')).toBe('ca');
    expect(pickMainLanguage(undefined, 'de-DE')).toBe('en');
  });

  it('names the report after its segments and day, without characters file systems refuse', () => {
    const manifest = {
      createdAt: '2026-03-01T10:00:00.000Z',
      segments: [{ name: 'Clients: VIP/Gold' }, { name: 'Nous?' }],
    } as unknown as JobManifest;
    expect(reportFileName(manifest)).toBe(
      'Clients- VIP-Gold, Nous- - not delivered 2026-03-01.csv',
    );
  });
});
