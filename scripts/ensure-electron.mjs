// Runs before `npm start`. The project installs with scripts disabled (.npmrc) so that `npm ci`
// works where Electron's binary cannot be downloaded; here we fetch the binary on first start.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronFolder = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronFolder, 'path.txt');

function binaryPresent() {
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  return existsSync(path.join(electronFolder, 'dist', relative));
}

if (!binaryPresent()) {
  console.log('Segment Courier: fetching the Electron runtime (first start only)...');
  const result = spawnSync(process.execPath, [path.join(electronFolder, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0 || !binaryPresent()) {
    console.error(
      'Segment Courier cannot start: the Electron runtime could not be downloaded on this machine ' +
        '(no network access to its release host); the command line (npm run cli) and the tests work without it.',
    );
    process.exit(1);
  }
}
