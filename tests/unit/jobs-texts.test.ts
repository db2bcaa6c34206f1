import { describe, expect, it } from 'vitest';
import { pickMainLanguage } from '../../electron/i18n/main-texts';
import { endNotification } from '../../electron/services/jobs-texts';

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
});
