/**
 * A scripted fetch for Ortto's API in unit tests: each POST is recorded (path, headers, parsed
 * body) and answered by the test's `answer` function, so no socket is opened.
 */
export interface OrttoCall {
  readonly path: string;
  readonly apiKey: string | null;
  readonly body: Record<string, unknown>;
}

export interface FakeReply {
  readonly status?: number;
  readonly body: unknown;
}

export type OrttoAnswer = (call: OrttoCall) => FakeReply;

export interface FakeTransport {
  readonly calls: OrttoCall[];
  readonly fetch: typeof fetch;
}

export function fakeOrttoTransport(answer: OrttoAnswer): FakeTransport {
  const calls: OrttoCall[] = [];
  const fetchFake = async (url: string | URL | Request, init?: RequestInit) => {
    const path = String(url).replace(/^.*\/v1\//, '');
    const headers = new Headers(init?.headers);
    const call: OrttoCall = {
      path,
      apiKey: headers.get('x-api-key'),
      body: JSON.parse(String(init?.body)) as Record<string, unknown>,
    };
    calls.push(call);
    const reply = answer(call);
    return new Response(JSON.stringify(reply.body), { status: reply.status ?? 200 });
  };
  return { calls, fetch: fetchFake as typeof fetch };
}

/** Answers each person of a merge with the status `statusOf(email, body)` gives. */
export function mergeStatuses(
  statusOf: (email: string, body: Record<string, unknown>) => string,
): (call: OrttoCall) => FakeReply {
  return (call) => {
    const people = call.body.people as { fields: Record<string, unknown> }[];
    return {
      body: {
        people: people.map((person) => ({
          person_id: `id-${String(person.fields['str::email'])}`,
          status: statusOf(String(person.fields['str::email']), call.body),
        })),
      },
    };
  };
}
