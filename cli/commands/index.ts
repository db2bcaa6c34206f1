import type { CliCommand } from '../command';
import { inspectCommand } from './inspect';
import { jobsCommand } from './jobs';
import { pushCommand } from './push';
import { resumeJobCommand } from './resume';
import { retryJobCommand } from './retry';
import { runSetupCommand } from './run-setup';

/** Every command of `npm run cli`; features add theirs here. */
export const commands: readonly CliCommand[] = [
  inspectCommand,
  pushCommand,
  resumeJobCommand,
  retryJobCommand,
  jobsCommand,
  runSetupCommand,
];
