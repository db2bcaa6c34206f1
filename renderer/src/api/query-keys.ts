/**
 * The one query-key factory (style.md, practice 8). Every cached read of main's state has its key
 * here, so invalidation after a command or an event names the same keys.
 */
export const queryKeys = {
  appInfo: () => ['app', 'info'] as const,
};
