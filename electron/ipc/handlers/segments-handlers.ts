import path from 'node:path';
import { ImportError } from '../../../core/import/import-error';
import { notGranted } from '../../../core/import/path-grants';
import { SnapshotError } from '../../../core/segments/snapshot-paths';
import type { ChannelInput } from '../../../shared/ipc/bridge-api';
import { segmentErrorCodes } from '../../../shared/ipc/channels/segments';
import type { ImportOutcome } from '../../../shared/segments/segment-summary';
import type { HostServices } from '../../services/host-services';
import { UserFacingError } from '../user-facing-error';
import { plainErrorsVia } from './plain-errors';

/** Import and snapshot failures keep their plain message and code; the rest stay internal. */
function toUserFacing(error: unknown): unknown {
  if (error instanceof ImportError || error instanceof SnapshotError) {
    return new UserFacingError(error.code, error.message, error.params);
  }
  return error;
}

const plainly = plainErrorsVia(toUserFacing);

/**
 * Reads only the paths the person granted (Open dialog, drop, open-file); any other path gets
 * a sentence and is not touched, not even looked at.
 */
async function importGranted(services: HostServices, paths: readonly string[]) {
  const granted = paths.filter((given) => services.pathGrants.isGranted(given));
  const read = granted.length > 0 ? await services.segments.importPaths(granted) : [];
  let next = 0;
  return paths.map((given): ImportOutcome => {
    const fileName = path.basename(given);
    const outcome = services.pathGrants.isGranted(given) ? read[next++] : undefined;
    return outcome ?? { ok: false, fileName, error: notGranted(fileName) };
  });
}

export function createSegmentsHandlers(services: HostServices) {
  const { segments, environment } = services;
  return {
    'segments:list': () => plainly(() => segments.list()),
    'segments:importPaths': (input: ChannelInput<'segments:importPaths'>) =>
      plainly(() => importGranted(services, input.paths)),
    // The paths come from the preload's webUtils.getPathForFile, never from the page's words.
    'segments:importDropped': (input: ChannelInput<'segments:importDropped'>) =>
      plainly(() => segments.importPaths(services.pathGrants.grant(input.paths))),
    'segments:browse': () =>
      plainly(async () => {
        if (!environment.chooseFiles) {
          throw new UserFacingError(
            segmentErrorCodes.browseUnavailable,
            'Choosing files is not available here. Drop the files on the drop zone instead.',
          );
        }
        const paths = await environment.chooseFiles();
        return paths.length === 0 ? [] : segments.importPaths(paths);
      }),
    'segments:transferBegin': (input: ChannelInput<'segments:transferBegin'>) =>
      plainly(async () => {
        const begun = await segments.beginTransfer(input.fileName, input.size);
        return begun.ok ? begun : { ok: false as const, error: begun.error };
      }),
    'segments:transferChunk': (input: ChannelInput<'segments:transferChunk'>) =>
      plainly(async () => ({
        received: await segments.appendTransfer(input.transferId, input.offset, input.data),
      })),
    'segments:transferEnd': (input: ChannelInput<'segments:transferEnd'>) =>
      plainly(() => segments.endTransfer(input.transferId)),
    'segments:transferCancel': (input: ChannelInput<'segments:transferCancel'>) =>
      plainly(async () => {
        await segments.cancelTransfer(input.transferId);
        return null;
      }),
    'segments:rename': (input: ChannelInput<'segments:rename'>) =>
      plainly(() => segments.rename(input.id, input.name)),
    'segments:remove': (input: ChannelInput<'segments:remove'>) =>
      plainly(async () => {
        await segments.remove(input.id);
        return null;
      }),
    'segments:reimport': (input: ChannelInput<'segments:reimport'>) =>
      plainly(() =>
        segments.reimport(
          input.id,
          { encoding: input.encoding, delimiter: input.delimiter, columnNames: input.columnNames },
          { sheet: input.sheet, entity: input.entity },
        ),
      ),
  };
}
