import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListStates } from '../../app/list-states';
import { useNavigation } from '../../app/navigation';
import { useJobEvents } from '../history/use-job-events';
import { AutomationItem } from './automation-item';
import { useErrorText } from '../../i18n/error-text';
import { BackgroundSettings } from './background-settings';
import { RunsList } from './runs-list';
import { useAutomationEvents, useAutomations } from './use-automation';
import './automation.css';

/**
 * Automatic exports (issue 18): every saved setup, on or off, when it runs and how its last run
 * went; turning one on (folder and/or schedule, then the standing consent) or off; every run;
 * and what the app does in the background. Given a setup (Export's "Make automatic…"), its form
 * is open.
 */
export function AutomationScreen() {
  const { t } = useTranslation('automation');
  const { target } = useNavigation();
  const automations = useAutomations();
  const errorText = useErrorText();
  const [formFor, setFormFor] = useState<string | null>(target.setupId ?? null);
  useAutomationEvents();
  // A run's job moves on while this screen is open: its counts come from the jobs' own events.
  useJobEvents();

  return (
    <section className="screen automation-screen" aria-labelledby="automation-title">
      <h1 id="automation-title" tabIndex={-1}>
        {t('title')}
      </h1>
      <p className="screen-intro">{t('intro')}</p>
      <ListStates
        query={automations}
        loading={t('loading')}
        loadError={
          automations.isError ? t('loadError', { message: errorText(automations.error) }) : null
        }
        empty={t('empty')}
        goToExport={t('goToExport')}
      >
        {(views) => (
          <section aria-labelledby="automation-list-title">
            <h2 id="automation-list-title">{t('listTitle')}</h2>
            <ul className="automation-list" aria-label={t('listTitle')}>
              {views.map((view) => (
                <AutomationItem
                  key={view.setupId}
                  view={view}
                  formOpen={formFor === view.setupId}
                  onFormOpen={(open) => setFormFor(open ? view.setupId : null)}
                />
              ))}
            </ul>
          </section>
        )}
      </ListStates>
      {automations.isSuccess && <RunsList />}
      <BackgroundSettings />
    </section>
  );
}
