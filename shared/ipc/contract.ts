/**
 * The one IPC contract between the renderer and main (../shared/docs/style.md, practice 2).
 *
 * Each entry is a channel named `domain:verb` with a zod schema for its input and output; events
 * flow from main to the renderer only. The preload, the test harness bridge and main's registration
 * point are all built from these tables, so they cannot drift apart.
 *
 * Features add their channels in their own file under shared/ipc/channels/ and spread them here.
 */
import { appChannels, appEvents } from './channels/app';
import { automationChannels, automationEvents } from './channels/automation';
import { destinationChannels } from './channels/destinations';
import { exportsChannels } from './channels/exports';
import { jobsChannels, jobsEvents } from './channels/jobs';
import { segmentsChannels, segmentsEvents } from './channels/segments';

export const ipcContract = {
  ...appChannels,
  ...destinationChannels,
  ...segmentsChannels,
  ...jobsChannels,
  ...exportsChannels,
  ...automationChannels,
} as const;

export const ipcEvents = {
  ...appEvents,
  ...segmentsEvents,
  ...jobsEvents,
  ...automationEvents,
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract & string;
export type IpcEvents = typeof ipcEvents;
export type IpcEventChannel = keyof IpcEvents & string;

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];
export const ipcEventChannels = Object.keys(ipcEvents) as IpcEventChannel[];
