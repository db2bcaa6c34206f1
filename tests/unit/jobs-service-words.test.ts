import { describe, expect, it } from 'vitest';
import {
  commandLineKeyMessage,
  missingKeyMessage,
  stopKindOf,
} from '../../electron/services/jobs-destination';
import { reportFileName } from '../../electron/services/jobs-report';
import { endNotification, pickMainLanguage } from '../../electron/services/jobs-texts';
import { jobStopKinds } from '../../shared/ipc/channels/jobs';
import type { JobManifest } from '../../core/jobs/job-manifest';

describe('the jobs channel speaks the engine’s words', () => {
  it('tells a missing key and a locked keychain apart from a key Autopilot rejected', () => {
    const at = '2026-03-01T10:00:00Z';
    expect(stopKindOf({ reason: 'rejected-key', message: missingKeyMessage })).toBe('missing-key');
    expect(stopKindOf({ reason: 'rejected-key', message: commandLineKeyMessage })).toBe(
      'missing-key',
    );
    expect(
      stopKindOf({
        reason: 'rejected-key',
        message: 'Paused: the keychain did not give the API key. The keyring is locked.',
      }),
    ).toBe('keychain');
    expect(
      stopKindOf({
        reason: 'rejected-key',
        message: 'Paused: Autopilot rejected the API key. Fix the key, then resume.',
      }),
    ).toBe('rejected-key');
    for (const reason of ['user', 'cancel', 'offline', 'signal', 'error'] as const) {
      expect(jobStopKinds).toContain(stopKindOf({ reason, message: at }));
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
