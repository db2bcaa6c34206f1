import type { z } from 'zod';
import {
  ipcChannels,
  ipcEventChannels,
  type IpcChannel,
  type IpcContract,
  type IpcEventChannel,
  type IpcEvents,
} from './contract';
import type { IpcResult } from './result';

/** `segments:import` becomes `segmentsImport`; events get an `on` prefix: `onJobsProgress`. */
type MethodName<C extends string> = C extends `${infer Domain}:${infer Verb}`
  ? `${Domain}${Capitalize<Verb>}`
  : never;
type EventMethodName<C extends string> = `on${Capitalize<MethodName<C>>}`;

export type ChannelInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;
export type ChannelOutput<C extends IpcChannel> = z.output<IpcContract[C]['output']>;
export type EventPayload<E extends IpcEventChannel> = z.output<IpcEvents[E]>;

type BridgeMethod<C extends IpcChannel> =
  undefined extends ChannelInput<C>
    ? (input?: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;

export type Unsubscribe = () => void;

/** The whole surface the renderer sees on `window.courier`: one function per contract entry. */
export type BridgeApi = { [C in IpcChannel as MethodName<C>]: BridgeMethod<C> } & {
  [E in IpcEventChannel as EventMethodName<E>]: (
    listener: (payload: EventPayload<E>) => void,
  ) => Unsubscribe;
};

/** How a bridge reaches main: Electron's ipcRenderer in the preload, a Playwright binding in tests. */
export interface BridgeTransport {
  invoke(channel: IpcChannel, input: unknown): Promise<IpcResult<unknown>>;
  subscribe(channel: IpcEventChannel, listener: (payload: unknown) => void): Unsubscribe;
}

export function methodNameOf(channel: string): string {
  const [domain, verb = ''] = channel.split(':');
  return `${domain}${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;
}

export function eventMethodNameOf(channel: string): string {
  const name = methodNameOf(channel);
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** Builds the bridge from the contract: a fixed channel per function, no generic invoke or on. */
export function buildBridgeApi(transport: BridgeTransport): BridgeApi {
  const api: Record<string, unknown> = {};
  for (const channel of ipcChannels) {
    api[methodNameOf(channel)] = (input?: unknown) => transport.invoke(channel, input);
  }
  for (const channel of ipcEventChannels) {
    api[eventMethodNameOf(channel)] = (listener: (payload: unknown) => void) =>
      transport.subscribe(channel, listener);
  }
  return api as BridgeApi;
}
