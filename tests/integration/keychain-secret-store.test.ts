import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AsyncEntry } from '@napi-rs/keyring';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyKeychainFailure } from '../../core/secrets/keychain-errors';
import { createKeyringSecretStore } from '../../core/secrets/keyring-secret-store';
import { SecretStoreError } from '../../core/secrets/secret-store';
import { filesHolding } from '../support/files-holding';
import { useTempFolder } from '../support/temp-folder';

// The real OS keychain: gnome-keyring on a D-Bus session, as `npm test` runs it (README, .ci/run).
const root = path.resolve(import.meta.dirname, '../..');
const service = `segment-courier-test-${randomUUID()}`;
const store = createKeyringSecretStore({ service });
const pinned = { linux: { store: 'secret-service' as const } };
const scratch = useTempFolder('courier-keychain-', { per: 'file' });

beforeAll(async () => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'These tests use the real keychain: run them inside a D-Bus session with gnome-keyring (see README, "Tests").',
    );
  }
});

describe('keyring secret store (real Secret Service)', () => {
  it('saves, finds, replaces and deletes a key under service = app, account = destination id', async () => {
    const id = randomUUID();
    expect(await store.hasKey(id)).toBe(false);
    expect(await store.readKey(id)).toBeUndefined();
    await store.setKey(id, 'first-key-0001');
    expect(await store.hasKey(id)).toBe(true);
    // Read straight from the Secret Service, not through our code: the entry really is there.
    expect(await new AsyncEntry(service, id, pinned).getPassword()).toBe('first-key-0001');
    await store.setKey(id, 'second-key-0002');
    expect(await store.readKey(id)).toBe('second-key-0002');
    expect(await store.deleteKey(id)).toBe(true);
    expect(await new AsyncEntry(service, id, pinned).getPassword()).toBeNull();
    expect(await store.deleteKey(id)).toBe(false);
  });

  it('keeps destinations apart', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await store.setKey(a, 'key-of-a');
    await store.setKey(b, 'key-of-b');
    await store.deleteKey(a);
    expect(await store.readKey(a)).toBeUndefined();
    expect(await store.readKey(b)).toBe('key-of-b');
    await store.deleteKey(b);
  });

  it('refuses an empty key or id before touching the keychain', async () => {
    await expect(store.setKey(randomUUID(), '')).rejects.not.toBeInstanceOf(SecretStoreError);
    await expect(store.hasKey('')).rejects.toThrow(/needs a destination id/);
  });
});

/** Runs the secret store in a child process with the given environment and shell prelude. */
function childAttempt(options: { env: NodeJS.ProcessEnv; wrap?: (node: string) => string[] }) {
  const script = `
    import { createKeyringSecretStore } from ${JSON.stringify(path.join(root, 'core/secrets/keyring-secret-store.ts'))};
    const store = createKeyringSecretStore({ service: ${JSON.stringify(service)} });
    try {
      await store.setKey('child-probe', 'child-secret-7f3a');
      console.log(JSON.stringify({ ok: true }));
    } catch (error) {
      console.log(JSON.stringify({ kind: error.kind, message: error.message, detail: error.technicalDetail }));
    }`;
  // Passed through the environment, so no shell quoting can bend the script.
  const node = '"$COURIER_NODE" --import tsx --input-type=module -e "$COURIER_CHILD_SCRIPT"';
  const command = options.wrap ? options.wrap(node) : ['sh', '-c', node];
  const result = spawnSync(command[0] ?? 'sh', command.slice(1), {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      COURIER_NODE: process.execPath,
      COURIER_CHILD_SCRIPT: script,
      ...options.env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{'))
    throw new Error(`child gave no answer: ${result.stdout}\n${result.stderr}`);
  return JSON.parse(line) as { ok?: true; kind?: string; message?: string; detail?: string };
}

async function freshHome(): Promise<NodeJS.ProcessEnv> {
  const home = await mkdtemp(path.join(scratch(), 'home-'));
  await mkdir(path.join(home, 'run'), { mode: 0o700 });
  return {
    HOME: home,
    XDG_DATA_HOME: path.join(home, 'share'),
    XDG_RUNTIME_DIR: path.join(home, 'run'),
  };
}

const noKeyring = /keychain is not available, so the API key cannot be stored safely/;

describe('keychain failures, in plain words', () => {
  it('says there is no keychain when there is no D-Bus session at all', async () => {
    const env = await freshHome();
    const answer = childAttempt({ env });
    expect(answer.kind).toBe('no-keyring');
    expect(answer.message).toMatch(noKeyring);
    expect(answer.detail).toContain('DBUS_SESSION_BUS_ADDRESS');
    expect(await filesHolding(env.HOME ?? '', 'child-secret-7f3a')).toEqual([]);
  });

  it('says there is no keychain when the session bus address points nowhere', async () => {
    const env = await freshHome();
    const answer = childAttempt({
      env: { ...env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(scratch(), 'no-such-bus')}` },
    });
    expect(answer.kind).toBe('no-keyring');
    expect(answer.message).toMatch(noKeyring);
  });

  it('says there is no keychain when nothing on the bus provides the Secret Service', async () => {
    const env = await freshHome();
    const config = path.join(env.HOME ?? '', 'bus.conf');
    // A session bus with no service directories: org.freedesktop.secrets cannot be started.
    await writeFile(
      config,
      `<busconfig><type>session</type><listen>unix:tmpdir=${scratch()}</listen><auth>EXTERNAL</auth>
       <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
    );
    const answer = childAttempt({
      env,
      wrap: (node) => ['dbus-run-session', `--config-file=${config}`, '--', 'sh', '-c', node],
    });
    expect(answer.detail).toContain('org.freedesktop.secrets was not provided');
    expect(answer.kind).toBe('no-keyring');
    expect(answer.message).toMatch(noKeyring);
  });

  it('says the keychain is locked when there is no unlocked login keyring', async () => {
    const env = await freshHome();
    const answer = childAttempt({
      env,
      wrap: (node) => [
        'dbus-run-session',
        '--',
        'sh',
        '-c',
        `gnome-keyring-daemon --components=secrets >/dev/null 2>&1; ${node}`,
      ],
    });
    expect(answer.detail).toContain('no result found');
    expect(answer.kind).toBe('locked');
    expect(answer.message).toMatch(/keychain is locked .* Unlock it/);
  });

  it('says the keychain is locked when the login keyring was locked', async () => {
    const env = await freshHome();
    const lock =
      'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets ' +
      'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null';
    const answer = childAttempt({
      env,
      wrap: (node) => [
        'dbus-run-session',
        '--',
        'sh',
        '-c',
        `printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ${lock}; ${node}`,
      ],
    });
    expect(answer.detail).toMatch(/unlock prompt was dismissed/);
    expect(answer.kind).toBe('locked');
  });

  // Access refusals cannot be produced on a headless Linux keyring; these are the texts the
  // library and the platforms use for them.
  it.each([
    ["Couldn't access platform storage: AccessDenied", 'access-denied'],
    ["Couldn't access platform storage: SS error: prompt dismissed", 'access-denied'],
    [
      'Platform failure: org.freedesktop.DBus.Error.AccessDenied: Rejected send message',
      'access-denied',
    ],
    ['Platform failure: The user canceled the operation.', 'access-denied'],
    ["Couldn't access platform storage: Secret Service: object locked", 'locked'],
    ['Platform failure: something nobody has seen before', 'failed'],
  ] as const)('classifies "%s" as %s', (message, kind) => {
    expect(classifyKeychainFailure(message)).toBe(kind);
  });
});
