import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary cannot run here; its objects are stood in for, and the test checks the hooks
// ask them for the right things (the jobs service decides when, these only do).
const electron = vi.hoisted(() => ({
  started: new Set<number>(),
  stopped: [] as number[],
  shown: [] as { title: string; body: string }[],
  supported: true,
  saveAnswer: { canceled: false, filePath: '/home/marta/Downloads/report.csv' } as {
    canceled: boolean;
    filePath?: string;
  },
  saveOptions: [] as unknown[],
}));

vi.mock('electron', () => ({
  app: { getPath: (name: string) => `/home/marta/${name === 'downloads' ? 'Downloads' : name}` },
  powerSaveBlocker: {
    start: (type: string) => {
      expect(type).toBe('prevent-app-suspension');
      const id = electron.started.size + 1;
      electron.started.add(id);
      return id;
    },
    isStarted: (id: number) => electron.started.has(id),
    stop: (id: number) => {
      electron.started.delete(id);
      electron.stopped.push(id);
    },
  },
  Notification: class {
    static isSupported() {
      return electron.supported;
    }
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      electron.shown.push(this.options);
    }
  },
  dialog: {
    showSaveDialog: async (...args: unknown[]) => {
      electron.saveOptions.push(args.at(-1));
      return electron.saveAnswer;
    },
  },
}));

const { keepAwake, notify, saveFileDialog } = await import('../../electron/power/job-host-hooks');

beforeEach(() => {
  electron.started.clear();
  electron.stopped.length = 0;
  electron.shown.length = 0;
  electron.saveOptions.length = 0;
  electron.supported = true;
});

describe('Electron hooks for export jobs', () => {
  it('keeps the app from being suspended until released, once', () => {
    const release = keepAwake();
    expect(electron.started.size).toBe(1);
    release();
    release();
    expect(electron.started.size).toBe(0);
    expect(electron.stopped).toHaveLength(1);
  });

  it('shows a notification where the system has them', () => {
    notify('Export finished', 'All 3 contacts were delivered.');
    electron.supported = false;
    notify('Export finished', 'Not shown');
    expect(electron.shown).toEqual([
      { title: 'Export finished', body: 'All 3 contacts were delivered.' },
    ]);
  });

  it('asks where to save the report, in Downloads, and says when the person cancelled', async () => {
    const save = saveFileDialog(() => null);
    expect(await save('clients - not delivered.csv')).toBe('/home/marta/Downloads/report.csv');
    expect(electron.saveOptions[0]).toMatchObject({
      defaultPath: '/home/marta/Downloads/clients - not delivered.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    electron.saveAnswer = { canceled: true };
    expect(await save('x.csv')).toBeNull();
  });
});
