import { createContext, useContext } from 'react';
import type { Screen } from './screens';

/** Where the app is: a screen, and for History the export whose progress or report is open. */
export interface NavigationTarget {
  readonly screen: Screen;
  readonly jobId?: string;
  /** For Segments: files the system asked the app to open, to import now. */
  readonly openFiles?: readonly string[];
  /** For Segments: files dropped anywhere on the window, to import now. */
  readonly droppedFiles?: readonly File[];
  /** For Export: the segments to select ("Export this segment"). */
  readonly segmentIds?: readonly string[];
  /** For Automatic exports: the saved setup whose form to open ("Make automatic…"). */
  readonly setupId?: string;
}

export interface Navigation {
  readonly target: NavigationTarget;
  navigate(target: NavigationTarget): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

/** Lets a feature move the person to another screen (e.g. Export's Start opens the progress). */
export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation must be used inside the app shell.');
  return navigation;
}
