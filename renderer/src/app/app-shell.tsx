import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AboutPanel } from '../features/about/about-panel';
import { AutomationScreen } from '../features/automation/automation-screen';
import { DestinationsScreen } from '../features/destinations/destinations-screen';
import { ExportScreen } from '../features/export/export-screen';
import { HistoryScreen } from '../features/history/history-screen';
import { SegmentsScreen } from '../features/segments/segments-screen';
import { LanguagePicker } from './language-picker';
import { NavigationContext, type Navigation, type NavigationTarget } from './navigation';
import { screens, type Screen } from './screens';
import { useOpenFiles } from './use-open-files';
import { useWindowDrop } from './use-window-drop';

// History shows one export's progress when the navigation names it (target.jobId).
const screenComponents: Record<Screen, () => ReactElement> = {
  destinations: DestinationsScreen,
  segments: SegmentsScreen,
  export: ExportScreen,
  automation: AutomationScreen,
  history: HistoryScreen,
  about: AboutPanel,
};

function ScreenContent({ screen }: { readonly screen: Screen }) {
  const Content = screenComponents[screen];
  return <Content />;
}

/** Header, navigation and the current screen. Arrow keys move along the navigation as well as Tab. */
export function AppShell({ initialScreen = 'segments' }: { readonly initialScreen?: Screen }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<NavigationTarget>({ screen: initialScreen });
  const screen = target.screen;
  const setScreen = (next: Screen) => setTarget({ screen: next });
  const navigation = useMemo<Navigation>(() => ({ target, navigate: setTarget }), [target]);
  useOpenFiles((paths) => setTarget({ screen: 'segments', openFiles: paths }));
  const dragging = useWindowDrop((files) => setTarget({ screen: 'segments', droppedFiles: files }));
  const mainRef = useRef<HTMLElement>(null);
  const navRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const isFirstRender = useRef(true);

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    mainRef.current?.querySelector('h1')?.focus();
  }, [target]);

  function onNavKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? 1
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? -1
          : 0;
    if (step === 0) return;
    event.preventDefault();
    navRefs.current[(index + step + screens.length) % screens.length]?.focus();
  }

  return (
    <div className="app-shell" data-dragging={dragging || undefined}>
      <a className="skip-link" href="#main-content">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-mark" aria-hidden="true" />
        <span className="app-name">{t('appName')}</span>
        <LanguagePicker />
      </header>
      <nav className="app-nav" aria-label={t('navigation')}>
        <ul>
          {screens.map((name, index) => (
            <li key={name}>
              <button
                type="button"
                ref={(element) => {
                  navRefs.current[index] = element;
                }}
                className="nav-item"
                aria-current={name === screen ? 'page' : undefined}
                onClick={() => setScreen(name)}
                onKeyDown={(event) => onNavKeyDown(event, index)}
              >
                {t(`screens.${name}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {dragging && (
        <p className="drop-anywhere" aria-hidden="true">
          {t('dropAnywhere')}
        </p>
      )}
      <main id="main-content" className="app-main" ref={mainRef} tabIndex={-1}>
        <NavigationContext.Provider value={navigation}>
          <ScreenContent screen={screen} />
        </NavigationContext.Provider>
      </main>
    </div>
  );
}
