/**
 * The one query-key factory (style.md, practice 8). Every cached read of main's state has its key
 * here, so invalidation after a command or an event names the same keys.
 */
export const queryKeys = {
  segments: () => ['segments'] as const,
  appInfo: () => ['app', 'info'] as const,
  destinations: () => ['destinations'] as const,
  destinationHasKey: (destinationId: string) => ['destinations', 'hasKey', destinationId] as const,
  exportFields: (destinationId: string) => ['exports', 'fields', destinationId] as const,
  exportLists: (destinationId: string) => ['exports', 'lists', destinationId] as const,
  exportShapes: (segmentIds: readonly string[]) => ['exports', 'shapes', ...segmentIds] as const,
  exportPlan: (request: unknown) => ['exports', 'plan', request] as const,
  exportPreview: (request: unknown) => ['exports', 'preview', request] as const,
  exportSetups: () => ['exports', 'setups'] as const,
  exportAgain: (jobId: string) => ['exports', 'again', jobId] as const,
  /** Every export job read; invalidating it refreshes the History list and any open job. */
  jobs: () => ['jobs'] as const,
  jobsList: () => ['jobs', 'list'] as const,
  jobsResumable: () => ['jobs', 'resumable'] as const,
  job: (jobId: string) => ['jobs', 'detail', jobId] as const,
  /** Every automation read; invalidating it refreshes the list, the runs and the settings. */
  automation: () => ['automation'] as const,
  automationList: () => ['automation', 'list'] as const,
  automationRuns: () => ['automation', 'runs'] as const,
  automationBackground: () => ['automation', 'background'] as const,
};
