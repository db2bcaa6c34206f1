import { useEffect, useRef } from 'react';
import { getBridge } from '../api/bridge';

/**
 * Files the system asked the app to open (double-click, "Open with", a second launch). Main keeps
 * them until the page takes them: once at start, and again each time main says more arrived.
 */
export function useOpenFiles(onFiles: (paths: string[]) => void): void {
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    const bridge = getBridge();
    const take = async () => {
      const result = await bridge.appTakeOpenFiles?.();
      if (result?.ok && result.value.paths.length > 0) latest.current(result.value.paths);
    };
    void take();
    return bridge.onAppOpenFiles?.(() => void take());
  }, []);
}
