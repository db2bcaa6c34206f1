/** Exit codes of the command line (../shared/docs/product.md, "The command line"). */
export const exitCodes = {
  /** Every valid row delivered (or, for read-only commands, success). */
  success: 0,
  /** Finished, some rows failed. */
  someRowsFailed: 1,
  /** Bad input or usage; nothing sent. */
  badInput: 2,
  /** Stopped before the end; resumable with `resume`. */
  stopped: 3,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
