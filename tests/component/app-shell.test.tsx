import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppShell } from '../../renderer/src/app/app-shell';
import { renderWithApp } from '../support/component/render-app';

const appInfo = {
  name: 'Segment Courier',
  version: '9.9.9',
  platform: 'linux',
  dataFolder: '/home/marta/.config/Segment Courier',
};

describe('app shell', () => {
  it('moves between screens and focuses each heading', async () => {
    await renderWithApp(<AppShell />, {
      appInfo: vi.fn(async () => ({ ok: true as const, value: appInfo })),
    });
    const user = userEvent.setup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Segments');
    await user.click(screen.getByRole('button', { name: 'History' }));
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('History');
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole('button', { name: 'History' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('shows app:info in About', async () => {
    await renderWithApp(<AppShell initialScreen="about" />, {
      appInfo: vi.fn(async () => ({ ok: true as const, value: appInfo })),
    });
    await waitFor(() => expect(screen.getByTestId('app-info').textContent).toContain('9.9.9'));
    expect(screen.getByTestId('app-info').textContent).toContain(appInfo.dataFolder);
  });

  it('says plainly when main answers with an error', async () => {
    const failing = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'internal', params: {}, message: 'Disk unavailable.' },
    }));
    await renderWithApp(<AppShell initialScreen="about" />, { appInfo: failing });
    // The words come from the catalog by code; main's English message is for logs only.
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'Something went wrong inside Segment Courier. Please try again.',
      ),
    );
    expect(screen.getByRole('alert').textContent).not.toContain('Disk unavailable.');
  });

  it('speaks Catalan', async () => {
    await renderWithApp(<AppShell />, { appInfo: vi.fn() }, 'ca');
    expect(screen.getByRole('button', { name: 'Destinacions' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Navegació principal' })).toBeTruthy();
  });
});
