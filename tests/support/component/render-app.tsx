import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { BridgeApi } from '../../../shared/ipc/bridge-api';
import { createQueryClient } from '../../../renderer/src/api/query-client';
import { NavigationContext, type Navigation } from '../../../renderer/src/app/navigation';
import { createI18n } from '../../../renderer/src/i18n/i18n';

const stayPut: Navigation = { target: { screen: 'segments' }, navigate: () => undefined };

/**
 * Renders UI with the app's providers and a stand-in bridge of the test's choosing. Screens that
 * navigate get `navigation` (a test passes its own to see where they go); the app shell brings
 * its own.
 */
export async function renderWithApp(
  ui: ReactElement,
  bridge: Partial<BridgeApi>,
  language: 'en' | 'ca' = 'en',
  navigation: Navigation = stayPut,
) {
  Object.defineProperty(window, 'courier', { value: bridge, configurable: true });
  const i18n = await createI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <NavigationContext.Provider value={navigation}>{ui}</NavigationContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
