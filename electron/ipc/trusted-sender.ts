/** What main knows about the frame that sent an IPC message. */
export interface SenderFrame {
  /** The sending frame's URL at the time of the call. */
  readonly url: string;
  /** Whether the sender is the window's top-level frame (never an iframe). */
  readonly isMainFrame: boolean;
}

/**
 * Only our own page, in its top-level frame, may call main (VS Code and GitHub Desktop check every
 * sender the same way). A navigation to any other origin, or an embedded frame, is refused.
 */
export function isTrustedSender(sender: SenderFrame, trustedOrigins: readonly string[]): boolean {
  if (!sender.isMainFrame) return false;
  let origin: string;
  try {
    const url = new URL(sender.url);
    origin = url.protocol === 'app:' ? `app://${url.host}` : url.origin;
  } catch {
    return false;
  }
  return trustedOrigins.includes(origin);
}
