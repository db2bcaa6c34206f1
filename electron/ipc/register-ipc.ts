import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '../../shared/ipc/contract';
import type { IpcDispatcher } from './dispatcher';
import type { SenderFrame } from './trusted-sender';

function senderFrameOf(event: IpcMainInvokeEvent): SenderFrame {
  const frame = event.senderFrame;
  return {
    url: frame?.url ?? '',
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
  };
}

/** The one place main calls `ipcMain`: a fixed handler per contract channel, all via the dispatcher. */
export function registerIpc(dispatcher: IpcDispatcher): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, input: unknown) =>
      dispatcher.dispatch(channel, senderFrameOf(event), input),
    );
  }
}
