import { describe, expect, it } from 'vitest';
import type { JobManifest } from '../../core/jobs/job-manifest';
import { readJobManifest, writeJobManifest } from '../../core/jobs/job-store';
import { readListItem } from '../../core/jobs/jobs-views';
import { createJournalJob } from '../support/journal-fixtures';
import { useTempFolder } from '../support/temp-folder';

const dataFolder = useTempFolder('courier-jobs-views-');

/** The screen's view of a job that stopped with `stop`. */
async function stopShown(status: JobManifest['status'], stop: JobManifest['stop']) {
  const job = await createJournalJob(dataFolder());
  await writeJobManifest(dataFolder(), {
    ...(await readJobManifest(dataFolder(), job.id)),
    status,
    stop,
  });
  return (await readListItem(dataFolder(), job.id, () => false)).item.stop;
}

describe('the stop a job shows', () => {
  it('keeps the cause’s own words apart from the sentence, for the screens to show as a detail', async () => {
    const at = '2026-12-03T10:00:00.000Z';
    expect(
      await stopShown('paused', {
        reason: 'rejected-key',
        keyProblem: 'keychain',
        message: 'Paused: the keychain did not give the API key. Your keychain is locked.',
        detail: 'Object locked (libsecret)',
        at,
      }),
    ).toEqual({
      kind: 'keychain',
      message: 'Paused: the keychain did not give the API key. Your keychain is locked.',
      detail: 'Object locked (libsecret)',
      at,
    });
    // An unexpected error's stop from before the detail was recorded held the error's words as
    // its message; a user's pause has no cause to show.
    expect(
      await stopShown('failed', { reason: 'error', message: 'ENOSPC: no space left', at }),
    ).toEqual({
      kind: 'error',
      message: 'ENOSPC: no space left',
      detail: 'ENOSPC: no space left',
      at,
    });
    expect(await stopShown('paused', { reason: 'user', message: 'Paused.', at })).toEqual({
      kind: 'user',
      message: 'Paused.',
      at,
    });
  });
});
