// Run in a child process by the Chromium import benchmark: the main-process services and IPC
// dispatcher, alone in their process as in the app's main process, answering the page's calls
// that arrive over Node's IPC channel and sending main's events back the same way.
import { createIpcDispatcher } from '../../electron/ipc/dispatcher';
import { createIpcHandlers } from '../../electron/ipc/handlers';
import { createHostServices } from '../../electron/services/host-services';
import type { CallSender } from '../../tests/support/app-harness';

export interface MainCall {
  readonly id: number;
  readonly channel: string;
  readonly sender: CallSender;
  readonly input: unknown;
}

export type MainMessage =
  | { readonly ready: true }
  | { readonly id: number; readonly result: unknown }
  | { readonly event: string; readonly payload: unknown };

const [dataFolder, origin] = process.argv.slice(2);
if (!dataFolder || !origin) throw new Error('usage: main-child <data folder> <origin>');
const send = (message: MainMessage) => process.send?.(message);
const services = await createHostServices({
  appName: 'Segment Courier',
  appVersion: '0.0.0-bench',
  platform: process.platform,
  dataFolder,
  events: { emit: (channel, payload) => send({ event: channel, payload }) },
});
const dispatcher = createIpcDispatcher({
  handlers: createIpcHandlers(services),
  trustedOrigins: [origin],
  logError: (channel, error) => console.error(`[ipc] ${channel} failed:`, error),
});
process.on('message', (call: MainCall | 'close') => {
  if (call === 'close') {
    void services.dispose().then(() => process.exit(0));
    return;
  }
  void dispatcher
    .dispatch(call.channel, call.sender, call.input)
    .then((result) => send({ id: call.id, result }));
});
send({ ready: true });
