import { z } from 'zod';

/** A request from the renderer that main answers: a query reads, a command changes something. */
interface ChannelSpec<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  readonly kind: 'query' | 'command';
  readonly input: Input;
  readonly output: Output;
  /** 'files': the page hands File objects and the bridge itself turns them into paths. */
  readonly pageGives?: 'files';
}

export function query<Input extends z.ZodType, Output extends z.ZodType>(
  input: Input,
  output: Output,
): ChannelSpec<Input, Output> {
  return { kind: 'query', input, output };
}

export function command<Input extends z.ZodType, Output extends z.ZodType>(
  input: Input,
  output: Output,
): ChannelSpec<Input, Output> {
  return { kind: 'command', input, output };
}

/** Paths the bridge found for dropped files (never typed by the page). */
const droppedPathsInput = z.object({
  paths: z.array(z.string().min(1).max(4096)).min(1).max(100),
});

/**
 * A command the page calls with dropped `File` objects. The preload asks Electron for each
 * file's path (webUtils.getPathForFile) and sends only those, so the page's own JavaScript can
 * hand over files the person dropped but cannot name a path (issue 12 item 15).
 */
export function droppedFilesCommand<Output extends z.ZodType>(
  output: Output,
): ChannelSpec<typeof droppedPathsInput, Output> & { readonly pageGives: 'files' } {
  return { kind: 'command', input: droppedPathsInput, output, pageGives: 'files' };
}
