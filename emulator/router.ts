/**
 * A tiny path router for the emulator: `/list/:listId/contact/:contact` style patterns, first match
 * wins, so literal routes (`/contacts/custom_fields`) go before parameter routes.
 */
import type { EmulatorOptions } from './options';
import type { EmulatorState } from './state';

export interface Reply {
  readonly status: number;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as is instead of `body` (faults that answer something other than JSON). */
  readonly rawBody?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Records the request created or changed, when the answer alone does not tell (never sent). */
  readonly stored?: number;
}

export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly state: EmulatorState;
  readonly options: EmulatorOptions;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly pattern: string;
  readonly handle: (context: RouteContext) => Reply;
}

/** Autopilot's error body: `{error, message}` (autopilot-api.md §4). */
export function errorReply(status: number, message: string): Reply {
  const error =
    {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      413: 'Payload Too Large',
      429: 'Too Many Requests',
      500: 'Internal Server Error',
      503: 'Service Unavailable',
    }[status] ?? 'Error';
  return { status, body: { error, message } };
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  segments: readonly string[],
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return segment !== '';
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return undefined;
}
