import { randomBytes, randomUUID } from 'node:crypto';
import { AsyncEntry } from '@napi-rs/keyring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcDispatcher } from '../../electron/ipc/dispatcher';
import { createIpcHandlers } from '../../electron/ipc/handlers';
import { createHostServices, type HostServices } from '../../electron/services/host-services';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import { buildBridgeApi, methodNameOf, type BridgeApi } from '../../shared/ipc/bridge-api';
import { ipcChannels, ipcContract, ipcEvents, type IpcChannel } from '../../shared/ipc/contract';
import { filesHolding } from '../support/files-holding';
import { useTempFolder } from '../support/temp-folder';

/**
 * The API key goes into main and never comes back out (../../shared/docs/style.md, practice 5):
 * not through any IPC answer or event, not into any file of the data folder, not into main's log.
 */

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Every field a schema lets through, as `path: type`, flagging what could carry anything. */
function fieldsOf(schema: unknown, where: string, out: string[] = []): string[] {
  const def = defOf(schema);
  const walk = (inner: unknown, suffix = '') => fieldsOf(inner, `${where}${suffix}`, out);
  switch (def.type) {
    case 'object': {
      for (const [name, inner] of Object.entries(def.shape as Record<string, unknown>)) {
        walk(inner, `.${name}`);
      }
      if (def.catchall && defOf(def.catchall).type !== 'never') out.push(`${where}.*: open`);
      return out;
    }
    case 'array':
      return walk(def.element, '[]');
    case 'union':
      (def.options as unknown[]).forEach((option) => walk(option));
      return out;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return walk(def.innerType);
    case 'pipe':
      return walk(def.out);
    case 'record':
      return walk(def.valueType, '{}');
    case 'tuple':
      (def.items as unknown[]).forEach((item, index) => walk(item, `[${index}]`));
      return out;
    case 'intersection':
      walk(def.left);
      return walk(def.right);
    case 'lazy':
      return walk((def.getter as () => unknown)());
    case 'any':
    case 'unknown':
      out.push(`${where}: open`);
      return out;
    default:
      out.push(`${where}: ${def.type}`);
      return out;
  }
}

const secretName = /api.?key|secret|password|passphrase|token|credential/i;

describe('no IPC output or event can carry the API key', () => {
  const answers = [
    ...Object.entries(ipcContract).map(([channel, spec]) => fieldsOf(spec.output, channel)),
    ...Object.entries(ipcEvents).map(([channel, schema]) => fieldsOf(schema, channel)),
  ].flat();

  it('has no field named like a secret, except yes/no answers such as hasKey', () => {
    const secretish = answers.filter((field) => {
      const [fieldPath = '', type] = field.split(': ');
      return (
        secretName.test(fieldPath.replace(/^[^.]*/, '')) && type !== 'boolean' && type !== 'literal'
      );
    });
    expect(secretish).toEqual([]);
  });

  it('has no open-ended part (unknown, any, pass-through objects) that would let a key slip out', () => {
    expect(answers.filter((field) => field.endsWith(': open'))).toEqual([]);
  });

  it('covers the destination channels, so the walk is not vacuous', () => {
    expect(answers).toContain('destinations:list[].displayName: string');
    expect(answers).toContain('destinations:hasKey.hasKey: boolean');
  });
});

describe('the key never comes back through the real handlers', () => {
  const goodKey = emulatorTestKey;
  const wrongKey = randomBytes(16).toString('hex');
  const keychainService = `segment-courier-test-${randomUUID()}`;
  const origin = 'app://segment-courier';
  const logged: unknown[] = [];
  const emitted: unknown[] = [];
  let emulator: RunningEmulator;
  const dataFolder = useTempFolder('courier-leak-', { per: 'file' });
  let services: HostServices;
  let bridge: BridgeApi;

  beforeAll(async () => {
    emulator = await startEmulator({ apiKeys: [goodKey] });
    emulator.state.createList('Newsletter');
    services = await createHostServices({
      appName: 'Segment Courier',
      appVersion: '0.0.0-test',
      platform: process.platform,
      dataFolder: dataFolder(),
      keychainService,
      events: { emit: (channel, payload) => void emitted.push({ channel, payload }) },
    });
    const dispatcher = createIpcDispatcher({
      handlers: createIpcHandlers(services),
      trustedOrigins: [origin],
      logError: (channel, error) => void logged.push({ channel, error }),
    });
    // The renderer's own surface: one function per contract entry, as the preload builds it.
    bridge = buildBridgeApi({
      invoke: (channel, input) =>
        dispatcher.dispatch(channel, { url: `${origin}/index.html`, isMainFrame: true }, input),
      subscribe: () => () => undefined,
    });
  });
  afterAll(async () => {
    await services.dispose();
    await emulator.close();
  });

  it('adds nothing without the "I agree" step, whatever the renderer sends', async () => {
    const before = await bridge.destinationsList();
    for (const agreement of [false, undefined, 'yes']) {
      const answer = await bridge.destinationsCreate({
        displayName: 'No agreement',
        apiKey: goodKey,
        agreement,
      } as never);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(answer.ok ? '' : answer.error.message).toContain('tick "I agree"');
    }
    expect(await bridge.destinationsList()).toEqual(before);
  });

  it('answers every channel without the key, and leaves it in no file and no log', async () => {
    const responses: unknown[] = [];
    const call = async (channel: IpcChannel, input?: unknown) => {
      const method = (bridge as unknown as Record<string, (input?: unknown) => Promise<unknown>>)[
        methodNameOf(channel)
      ];
      const answer = await method?.(input);
      responses.push({ channel, answer });
      return answer as { ok: boolean; value?: { id?: string; status?: string } };
    };

    const created = await call('destinations:create', {
      displayName: 'Main',
      apiKey: goodKey,
      endpoint: emulator.url,
      agreement: true,
    });
    const id = created.value?.id ?? '';
    expect(created.ok).toBe(true);
    expect(
      await new AsyncEntry(keychainService, id, {
        linux: { store: 'secret-service' },
      }).getPassword(),
    ).toBe(goodKey);
    expect((await call('destinations:connect', { id })).value?.status).toBe('connected');
    await call('destinations:replaceKey', { id, apiKey: wrongKey });
    expect((await call('destinations:connect', { id })).value?.status).toBe('failed');
    await call('destinations:replaceKey', { id, apiKey: goodKey });
    // A second destination holding the key under a name the person chose to match it.
    await call('destinations:create', { displayName: 'Copy', apiKey: goodKey, agreement: true });
    await call('destinations:create', {
      displayName: 'Bad key',
      apiKey: `${goodKey} x`,
      agreement: true,
    });

    const samples: Partial<Record<IpcChannel, unknown>> = {
      'destinations:update': { id, displayName: 'Main renamed' },
      'destinations:replaceKey': { id, apiKey: '' },
      'destinations:hasKey': { id },
      'destinations:connect': { id },
      'destinations:create': { displayName: 'Main renamed', apiKey: goodKey, agreement: true },
    };
    for (const channel of ipcChannels) {
      if (channel !== 'destinations:delete') await call(channel, samples[channel]);
    }
    await call('destinations:delete', { id });

    const everything = JSON.stringify({ responses, emitted });
    expect(responses.length).toBeGreaterThan(ipcChannels.length);
    for (const key of [goodKey, wrongKey]) {
      expect(everything).not.toContain(key);
      expect(await filesHolding(dataFolder(), key)).toEqual([]);
      expect(logged.map(describeLogged).join('\n')).not.toContain(key);
    }
  });
});

function describeLogged(entry: unknown): string {
  const parts: string[] = [];
  let error = (entry as { error?: unknown }).error;
  while (error instanceof Error) {
    parts.push(`${error.message}\n${error.stack ?? ''}`);
    error = error.cause;
  }
  return parts.join('\n') + JSON.stringify(entry);
}
