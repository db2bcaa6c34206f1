import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createQueryClient } from './api/query-client';
import { AppShell } from './app/app-shell';
import { createI18n } from './i18n/i18n';
import './app/app.css';

async function mount(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  const i18n = await createI18n();
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={createQueryClient()}>
          <AppShell />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void mount();
