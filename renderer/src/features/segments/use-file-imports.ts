import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { unwrapResult } from '../../../../shared/ipc/result';
import type {
  ImportFailure,
  ImportOutcome,
  ImportProgress,
} from '../../../../shared/segments/segment-summary';
import { getBridge } from '../../api/bridge';
import { queryKeys } from '../../api/query-keys';
import { unknownErrorCode } from '../../i18n/error-text';
import { failureOf } from './failure-of';
import { transferFile } from './transfer-file';

/** A file on its way in: copied to main (a dropped file), then read there. */
export interface ImportTask {
  readonly key: string;
  readonly fileName: string;
  readonly phase: 'waiting' | 'sending' | 'reading';
  readonly totalBytes: number;
  readonly doneBytes: number;
  readonly rows: number;
  /** Main's id for the file's progress events. */
  readonly importId?: string;
}

export interface FailedImport {
  readonly key: string;
  readonly fileName: string;
  readonly error: ImportFailure;
}

let nextKey = 0;
const newKey = () => `import-${(nextKey += 1)}`;

/**
 * Imports files one at a time, so a drop of several big files never holds more than one slice in
 * memory, and follows main's progress events. Imported segments show up through the segments
 * query; failures stay listed until dismissed.
 */
export function useFileImports(
  onImported: (outcome: Extract<ImportOutcome, { ok: true }>) => void,
) {
  const queryClient = useQueryClient();
  const [tasks, setTasks] = useState<ImportTask[]>([]);
  const [failures, setFailures] = useState<FailedImport[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const importedRef = useRef(onImported);
  importedRef.current = onImported;

  const update = useCallback((key: string, change: Partial<ImportTask>) => {
    setTasks((current) =>
      current.map((task) => (task.key === key ? { ...task, ...change } : task)),
    );
  }, []);

  const settle = useCallback(
    async (outcomes: readonly ImportOutcome[]) => {
      for (const outcome of outcomes) {
        if (outcome.ok) importedRef.current(outcome);
        else
          setFailures((current) => [
            ...current,
            { key: newKey(), fileName: outcome.fileName, error: outcome.error },
          ]);
      }
      if (outcomes.some((outcome) => outcome.ok)) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.segments() });
      }
    },
    [queryClient],
  );

  const fail = useCallback((fileName: string, error: unknown) => {
    const failure = failureOf(error) ?? { code: unknownErrorCode, message: '', params: {} };
    setFailures((current) => [...current, { key: newKey(), fileName, error: failure }]);
  }, []);

  useEffect(() => {
    const bridge = getBridge();
    return bridge.onSegmentsImportProgress?.((progress: ImportProgress) => {
      setTasks((current) => followProgress(current, progress));
    });
  }, []);

  const streamFiles = useCallback(
    (files: readonly File[]) => {
      const queued = files.map((file) => ({ file, key: newKey() }));
      setTasks((current) => [
        ...current,
        ...queued.map(({ file, key }) => ({
          key,
          fileName: file.name,
          phase: 'waiting' as const,
          totalBytes: file.size,
          doneBytes: 0,
          rows: 0,
        })),
      ]);
      for (const { file, key } of queued) {
        queue.current = queue.current.then(async () => {
          update(key, { phase: 'sending' });
          try {
            const outcome = await transferFile(getBridge(), file, {
              onBegun: (importId) => update(key, { importId }),
              onSent: (doneBytes) => update(key, { doneBytes }),
            });
            await settle([outcome]);
          } catch (error) {
            fail(file.name, error);
          } finally {
            setTasks((current) => current.filter((task) => task.key !== key));
          }
        });
      }
    },
    [fail, settle, update],
  );

  /** Files main opens by path: chosen in its Open dialog, or opened with the app. */
  const importByPath = useCallback(
    (work: () => Promise<ImportOutcome[]>, what: string) => {
      const run = queue.current.then(async () => {
        try {
          await settle(await work());
        } catch (error) {
          fail(what, error);
        }
      });
      queue.current = run;
      return run;
    },
    [fail, settle],
  );

  /**
   * Dropped files and folders: main reads them from their paths (the preload finds them); only
   * a file without a path (a browser, a file from another app's memory) is streamed in slices.
   */
  const importFiles = useCallback(
    (files: readonly File[]) => {
      let pathless: File[] = [];
      const run = importByPath(
        async () => {
          const dropped = unwrapResult(await getBridge().segmentsImportDropped(files));
          pathless = dropped.pathless;
          return dropped.imported ?? [];
        },
        files.map((file) => file.name).join(', '),
      );
      void run.then(() => {
        if (pathless.length > 0) streamFiles(pathless);
      });
    },
    [importByPath, streamFiles],
  );

  const importPaths = useCallback(
    (paths: readonly string[]) =>
      importByPath(
        async () => unwrapResult(await getBridge().segmentsImportPaths({ paths: [...paths] })),
        paths.join(', '),
      ),
    [importByPath],
  );

  const browse = useCallback(
    () => importByPath(async () => unwrapResult(await getBridge().segmentsBrowse()), '…'),
    [importByPath],
  );

  const dismiss = useCallback((key: string) => {
    setFailures((current) => current.filter((failure) => failure.key !== key));
  }, []);

  return { tasks, failures, importFiles, importPaths, browse, dismiss };
}

/** Applies one progress event: to the dropped file it belongs to, or as a file main opened. */
function followProgress(tasks: readonly ImportTask[], progress: ImportProgress): ImportTask[] {
  const owner = tasks.find((task) => task.importId === progress.importId);
  if (progress.phase === 'done') {
    return owner && owner.key === progress.importId
      ? tasks.filter((task) => task !== owner)
      : [...tasks];
  }
  const reading = {
    phase: 'reading' as const,
    totalBytes: progress.totalBytes,
    doneBytes: progress.bytesRead,
    rows: progress.rows,
  };
  if (owner) return tasks.map((task) => (task === owner ? { ...task, ...reading } : task));
  return [
    ...tasks,
    {
      key: progress.importId,
      importId: progress.importId,
      fileName: progress.fileName,
      ...reading,
    },
  ];
}
