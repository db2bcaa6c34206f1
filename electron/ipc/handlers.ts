import type { ChannelInput, ChannelOutput } from '../../shared/ipc/bridge-api';
import type { IpcChannel } from '../../shared/ipc/contract';
import type { HostServices } from '../services/host-services';
import { createAppHandlers } from './handlers/app-handlers';
import { createAutomationHandlers } from './handlers/automation-handlers';
import { createDestinationsHandlers } from './handlers/destinations-handlers';
import { createExportsHandlers } from './handlers/exports-handlers';
import { createJobsHandlers } from './handlers/jobs-handlers';
import { createSegmentsHandlers } from './handlers/segments-handlers';

/** Main's side of every channel, input already validated by the dispatcher. */
export type IpcHandlers = {
  [C in IpcChannel]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
};

/** Each feature contributes the handlers of its own channels. */
export function createIpcHandlers(services: HostServices): IpcHandlers {
  return {
    ...createAppHandlers(services),
    ...createDestinationsHandlers(services),
    ...createSegmentsHandlers(services),
    ...createExportsHandlers(services),
    ...createJobsHandlers(services),
    ...createAutomationHandlers(services),
  };
}
