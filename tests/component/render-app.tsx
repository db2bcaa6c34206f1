import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { BridgeApi } from '../../shared/ipc/bridge-api';
import { createQueryClient } from '../../renderer/src/api/query-client';
import { createI18n } from '../../renderer/src/i18n/i18n';

/** Renders UI with the app's providers and a stand-in bridge of the test's choosing. */
export async function renderWithApp(
  ui: ReactElement,
  bridge: Partial<BridgeApi>,
  language: 'en' | 'ca' = 'en',
) {
  Object.defineProperty(window, 'courier', { value: bridge, configurable: true });
  const i18n = await createI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>
    </I18nextProvider>,
  );
}
