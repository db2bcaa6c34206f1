import type { z } from 'zod';

/** A request from the renderer that main answers: a query reads, a command changes something. */
export interface ChannelSpec<
  Input extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> {
  readonly kind: 'query' | 'command';
  readonly input: Input;
  readonly output: Output;
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
