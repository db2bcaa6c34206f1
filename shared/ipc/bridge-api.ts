import type { z } from 'zod';
import {
  ipcChannels,
  ipcContract,
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

/** What the page may hand a dropped-files command: a `File` (any object with a name). */
interface DroppedFile {
  readonly name: string;
}

/** Main's answer for the files that have a path (null if none had), and the files without one. */
interface DroppedFilesResult<Output, F extends DroppedFile = DroppedFile> {
  readonly imported: Output | null;
  readonly pathless: F[];
}

type DroppedFilesMethod<C extends IpcChannel> = <F extends DroppedFile>(
  files: readonly F[],
) => Promise<IpcResult<DroppedFilesResult<ChannelOutput<C>, F>>>;

type BridgeMethod<C extends IpcChannel> = IpcContract[C] extends { readonly pageGives: 'files' }
  ? DroppedFilesMethod<C>
  : undefined extends ChannelInput<C>
    ? (input?: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;

type Unsubscribe = () => void;

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
  /** A dropped file's path on disk ('' when it has none, or is not a real dropped file). */
  pathForFile?(file: unknown): string;
}

/**
 * The page's files become paths here, on the bridge's side: whatever the page passes that is not
 * a file with a path (a string, a made-up object) is never sent. Called without a list, it
 * forwards nothing but `undefined`, which main refuses as invalid input.
 */
function droppedFilesMethod(transport: BridgeTransport, channel: IpcChannel) {
  return async (files?: unknown) => {
    if (!Array.isArray(files)) return transport.invoke(channel, undefined);
    const paths: string[] = [];
    const pathless: unknown[] = [];
    for (const file of files as unknown[]) {
      const found = typeof file === 'object' && file !== null ? safePath(transport, file) : '';
      if (found) paths.push(found);
      else if (typeof file === 'object' && file !== null) pathless.push(file);
    }
    if (paths.length === 0) return { ok: true as const, value: { imported: null, pathless } };
    const answer = await transport.invoke(channel, { paths });
    return answer.ok ? { ok: true as const, value: { imported: answer.value, pathless } } : answer;
  };
}

function safePath(transport: BridgeTransport, file: object): string {
  try {
    return transport.pathForFile?.(file) ?? '';
  } catch {
    return '';
  }
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
    const spec: { readonly pageGives?: 'files' } = ipcContract[channel];
    api[methodNameOf(channel)] =
      spec.pageGives === 'files'
        ? droppedFilesMethod(transport, channel)
        : (input?: unknown) => transport.invoke(channel, input);
  }
  for (const channel of ipcEventChannels) {
    api[eventMethodNameOf(channel)] = (listener: (payload: unknown) => void) =>
      transport.subscribe(channel, listener);
  }
  return api as BridgeApi;
}
