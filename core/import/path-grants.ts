import path from 'node:path';

/**
 * The paths the person handed to the app: chosen in the Open dialog, dropped on the window, or
 * opened with the app by the system. `segments:importPaths` reads only these, so a page (or a
 * script injected into it) cannot make main read a file by naming its path (issue 12 item 15).
 */
export class PathGrants {
  private readonly granted = new Set<string>();

  grant(paths: readonly string[]): string[] {
    for (const given of paths) this.granted.add(path.resolve(given));
    return [...paths];
  }

  isGranted(given: string): boolean {
    return this.granted.has(path.resolve(given));
  }
}

export function notGranted(fileName: string) {
  return {
    code: 'not-granted',
    message: `Segment Courier opens only files you choose, drop or open with it, so “${fileName}” was not read. Drop it on the window or choose it with Browse.`,
    params: { fileName },
  };
}
