import type { Plugin } from 'esbuild';

export function buildElectronBundles(
  outFolder: string,
  options?: { mainPlugins?: Plugin[] },
): Promise<void>;
