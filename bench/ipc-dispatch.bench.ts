import { createIpcDispatcher } from '../electron/ipc/dispatcher';
import { createIpcHandlers } from '../electron/ipc/handlers';
import { createHostServices } from '../electron/services/host-services';
import { medianMilliseconds, type Benchmark } from './benchmark';

const calls = 20_000;

/** The cost of the IPC safety net (sender check, zod in and out) against calling the handler bare. */
export const ipcDispatchBenchmark: Benchmark = {
  name: 'ipc-dispatch',
  description: `${calls} app:info calls through the dispatcher vs the bare handler`,
  async run() {
    const services = await createHostServices({
      appName: 'Segment Courier',
      appVersion: '0.0.0',
      platform: process.platform,
      dataFolder: '/tmp/bench',
      events: { emit: () => undefined },
    });
    const handlers = createIpcHandlers(services);
    const dispatcher = createIpcDispatcher({
      handlers,
      trustedOrigins: ['app://segment-courier'],
      logError: () => undefined,
    });
    const sender = { url: 'app://segment-courier/index.html', isMainFrame: true };
    const bare = await medianMilliseconds(async () => {
      for (let index = 0; index < calls; index += 1) await handlers['app:info'](undefined);
    });
    const dispatched = await medianMilliseconds(async () => {
      for (let index = 0; index < calls; index += 1)
        await dispatcher.dispatch('app:info', sender, undefined);
    });
    return [
      { label: 'bare handler', value: bare, unit: 'ms' },
      { label: 'through dispatcher', value: dispatched, unit: 'ms' },
      {
        label: 'per call overhead',
        value: ((dispatched - bare) * 1000) / calls,
        unit: 'µs',
        max: 50,
      },
    ];
  },
};
