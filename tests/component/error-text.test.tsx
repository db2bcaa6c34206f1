import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CourierError } from '../../shared/ipc/result';
import { AppShell } from '../../renderer/src/app/app-shell';
import { errorText } from '../../renderer/src/i18n/error-text';
import { createI18n } from '../../renderer/src/i18n/i18n';
import { fail } from '../support/component/destinations-fake-bridge';
import { renderWithApp } from '../support/component/render-app';

const fromMain = (code: string, params: Record<string, string | number> = {}) =>
  new CourierError({ code, params, message: 'The English sentence main wrote for its logs.' });

async function wordsIn(language: 'en' | 'ca') {
  const i18n = await createI18n(language);
  return (error: unknown, context?: string) => errorText(error, i18n.t, context);
}

describe('errorText: a code and its facts in the chosen language', () => {
  it('fills in the facts, in English and in Catalan', async () => {
    const tooLarge = fromMain('too-large', { fileName: 'a.csv', size: '3 GB', limit: '2 GB' });
    expect((await wordsIn('en'))(tooLarge)).toBe(
      'The file is 3 GB, more than the 2 GB Segment Courier can import at once. Export the segment in smaller parts and drop them one by one.',
    );
    const catalan = (await wordsIn('ca'))(tooLarge);
    expect(catalan).toContain('3 GB');
    expect(catalan).toContain('2 GB');
    expect(catalan).not.toContain('The file');
  });

  it('names the destination and the service main says it is about', async () => {
    const offline = fromMain('export-offline', {
      destination: 'Botiga',
      service: 'ortto',
      serviceName: 'Ortto',
      endpoint: 'https://api.example.test',
    });
    expect((await wordsIn('ca'))(offline)).toBe(
      "No s'ha pogut contactar amb Ortto a https://api.example.test. Comproveu la connexió a internet i l'adreça de «Botiga». No s'ha enviat res.",
    );
    const rejected = fromMain('rejected-api-key', { service: 'ortto' });
    expect((await wordsIn('en'))(rejected)).toMatch(/^Ortto did not accept this API key/);
    expect((await wordsIn('en'))(fromMain('rejected-api-key'), 'ortto')).toMatch(/^Ortto/);
    expect((await wordsIn('en'))(fromMain('rejected-api-key'))).toMatch(/^Autopilot/);
  });

  it('picks the variant an import failure names (a spreadsheet it cannot read)', async () => {
    const words = await wordsIn('en');
    const failure = { code: 'not-text', params: { kind: 'spreadsheet' }, message: 'x' };
    expect(words(failure)).toMatch(/^This spreadsheet is in a format Segment Courier cannot read/);
    expect(words({ ...failure, params: {} })).toMatch(
      /^This is not a file Segment Courier can read/,
    );
  });

  it('says something plain for a code it does not know, never main’s English', async () => {
    for (const language of ['en', 'ca'] as const) {
      const words = await wordsIn(language);
      const unknown = words(fromMain('a-code-from-the-future'));
      expect(unknown).not.toContain('English sentence');
      expect(unknown).not.toMatch(/did not answer in time|no ha respost a temps/);
      expect(words(new Error('TypeError in some component'))).toBe(unknown);
    }
    expect((await wordsIn('ca'))(fromMain('nope'))).toMatch(/^Alguna cosa ha fallat/);
  });
});

describe('a main error after switching language', () => {
  it('shows the same error in Catalan once the person picks Català', async () => {
    const appSetLanguage = vi.fn(async () => ({ ok: true as const, value: null }));
    await renderWithApp(<AppShell initialScreen="destinations" />, {
      destinationsList: vi.fn(async () =>
        fail('settings-unwritable', 'Segment Courier could not save its settings in /home/x.'),
      ),
      appSetLanguage,
    });
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('could not save its settings.'));
    await userEvent.setup().selectOptions(screen.getByRole('combobox'), 'ca');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'Segment Courier no ha pogut desar la configuració.',
      ),
    );
    expect(screen.getByRole('alert').textContent).not.toContain('/home/x');
    expect(appSetLanguage).toHaveBeenCalledWith({ language: 'ca' });
  });
});
