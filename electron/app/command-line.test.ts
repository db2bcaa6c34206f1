import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { answerCommandLine } from './command-line';

/** A stream that, like a slow pipe, confirms each write only a moment later. */
function slowStream(log: string[], name: string) {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      setTimeout(() => {
        log.push(`${name}:${chunk.length}`);
        done();
      }, 5);
    },
  });
}

describe('the installed app answering the command line', () => {
  it('exits with the command code only once what it wrote has gone out', async () => {
    const log: string[] = [];
    const io = { stdout: slowStream(log, 'out'), stderr: slowStream(log, 'err'), env: {} };
    await answerCommandLine(['--help'], { ...io, invocation: '"segment-courier" --cli' }, (code) =>
      log.push(`exit ${code}`),
    );
    expect(log.at(-1)).toBe('exit 0');
    expect(log.filter((entry) => entry.startsWith('out:')).length).toBeGreaterThan(0);
  });

  it('an unknown command is exit 2 with the usage naming the app, not npm', async () => {
    const written: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        done();
      },
    });
    let exitCode: number | null = null;
    await answerCommandLine(
      ['launch'],
      { stdout: sink, stderr: sink, env: {}, invocation: '"segment-courier" --cli' },
      (code) => (exitCode = code),
    );
    expect(exitCode).toBe(2);
    expect(written.join('')).toContain('Unknown command "launch".');
    expect(written.join('')).toContain('"segment-courier" --cli push');
    expect(written.join('')).not.toContain('npm run cli');
  });
});
