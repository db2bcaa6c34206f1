import { ipcContract, type IpcChannel } from '../../shared/ipc/contract';
import { baseErrorCodes, type IpcError, type IpcResult } from '../../shared/ipc/result';
import type { ErrorParams } from '../../shared/model/error-params';
import type { IpcHandlers } from './handlers';
import { UserFacingError } from './user-facing-error';
import { isTrustedSender, type SenderFrame } from './trusted-sender';

interface DispatcherOptions {
  readonly handlers: IpcHandlers;
  readonly trustedOrigins: readonly string[];
  /** Where unexpected failures are written; never receives inputs, which may hold secrets. */
  readonly logError: (channel: string, error: unknown) => void;
}

export interface IpcDispatcher {
  dispatch(channel: string, sender: SenderFrame, rawInput: unknown): Promise<IpcResult<unknown>>;
}

function failure(
  code: string,
  message: string,
  params: ErrorParams = {},
): { ok: false; error: IpcError } {
  return { ok: false, error: { code, params, message } };
}

function isKnownChannel(channel: string): channel is IpcChannel {
  return Object.hasOwn(ipcContract, channel);
}

/**
 * The single path every IPC call takes in main: check the sender, validate the input with the
 * contract's zod schema, run the handler, and turn any failure into `{ code, params, message }`.
 */
export function createIpcDispatcher(options: DispatcherOptions): IpcDispatcher {
  return {
    async dispatch(channel, sender, rawInput) {
      if (!isTrustedSender(sender, options.trustedOrigins)) {
        return failure(
          baseErrorCodes.untrustedSender,
          'This request did not come from Segment Courier.',
        );
      }
      if (!isKnownChannel(channel)) {
        return failure(baseErrorCodes.unknownChannel, `Unknown request "${channel}".`, {
          channel,
        });
      }
      const spec = ipcContract[channel];
      const parsed = spec.input.safeParse(rawInput);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') ?? '';
        const where = field ? ` (${field})` : '';
        return failure(
          baseErrorCodes.invalidInput,
          `The request was not valid${where}: ${issue?.message ?? 'unknown problem'}.`,
          { field },
        );
      }
      try {
        const handler = options.handlers[channel] as (input: unknown) => Promise<unknown>;
        const value = spec.output.parse(await handler(parsed.data));
        return { ok: true, value };
      } catch (error) {
        if (error instanceof UserFacingError) {
          return failure(error.code, error.message, error.params);
        }
        options.logError(channel, error);
        return failure(
          baseErrorCodes.internal,
          'Something went wrong inside Segment Courier. Please try again.',
        );
      }
    },
  };
}
