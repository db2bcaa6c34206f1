// One linter for the whole tree. The boundary rules follow ../shared/docs/style.md ("Boundaries"):
// the renderer reaches main only through the preload bridge, shared/ stays pure, and only the
// preload and the one IPC registration point touch Electron's IPC objects.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'worker_threads',
];

const noRemote = {
  name: '@electron/remote',
  message: '@electron/remote breaks process isolation.',
};

function restrict(patterns, paths = []) {
  return ['error', { patterns, paths: [noRemote, ...paths] }];
}

const electronIpcOnlyInItsPlace = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer', 'contextBridge'],
  message:
    'IPC goes through electron/ipc/register-ipc.ts (main) and electron/preload/ (renderer side) only.',
};

const noElectronInNode = {
  group: ['electron', 'electron/*'],
  message: 'core/, cli/ and emulator/ run in plain Node (the command line): no Electron.',
};

// Layers inside core/ (issue 15, item 7), in the spirit of VS Code's `local/code-layering`.
const coreStaysInside = {
  group: [
    '**/electron/**',
    '**/renderer/**',
    '**/cli/**',
    '**/emulator/**',
    '**/bench/**',
    '**/tests/**',
  ],
  message:
    'core/ depends on core/ and shared/ only: the app, the command line and the tests use it, never the other way.',
};

const noIpcContract = {
  group: ['**/shared/ipc/**'],
  message:
    'core/ does not know the IPC contract (shared/ipc/): put shared types in shared/model/ and let electron/ map them to the contract.',
};

/** The engine: it sends, journals, syncs, imports and reports for any destination. */
const engineFolders = ['upload', 'jobs', 'sync', 'import', 'segments', 'files', 'report'];

const noConcreteDestination = {
  group: ['**/autopilot/**', '**/ortto/**'],
  message:
    'The engine reaches a destination only through core/destination-port/ (the port), never Autopilot or Ortto themselves.',
};

const coreRestrictions = [noElectronInNode, coreStaysInside, noIpcContract];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': restrict([], [electronIpcOnlyInItsPlace]),
    },
  },
  {
    files: [
      'renderer/**/*.{ts,tsx}',
      'tests/component/**/*.{ts,tsx}',
      'tests/support/component/**/*.{ts,tsx}',
    ],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'electron/*'],
          message: 'The renderer never imports Electron: use the bridge in renderer/src/api.',
        },
        {
          group: nodeBuiltins,
          message: 'The renderer runs in a sandboxed page: no Node built-ins.',
        },
        {
          group: ['**/electron/**', '**/core/**', '**/cli/**', '**/emulator/**'],
          message: 'The renderer may import only renderer/ and shared/.',
        },
      ]),
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'electron/*', 'react', 'react-dom'],
          message: 'shared/ is pure TypeScript (plus zod).',
        },
        { group: nodeBuiltins, message: 'shared/ runs in both processes: no Node built-ins.' },
        {
          group: ['**/electron/**', '**/core/**', '**/renderer/**', '**/cli/**'],
          message: 'shared/ depends on nothing but itself.',
        },
      ]),
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        noElectronInNode,
        {
          group: ['**/renderer/**', '**/electron/**'],
          message: 'The command line depends on core/ and shared/ only.',
        },
      ]),
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        noElectronInNode,
        {
          group: ['**/core/**', '**/shared/**', '**/electron/**', '**/renderer/**', '**/cli/**'],
          message:
            "The emulator imports nothing of the app: it plays Autopilot's and Ortto's part, so it must not share their client's mistakes.",
        },
      ]),
    },
  },
  { files: ['core/**/*.ts'], rules: { 'no-restricted-imports': restrict(coreRestrictions) } },
  {
    files: engineFolders.map((folder) => `core/${folder}/**/*.ts`),
    rules: {
      'no-restricted-imports': restrict([...coreRestrictions, noConcreteDestination]),
    },
  },
  {
    files: ['electron/ipc/register-ipc.ts'],
    rules: { 'no-restricted-imports': restrict([]) },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([]) },
  },
);
