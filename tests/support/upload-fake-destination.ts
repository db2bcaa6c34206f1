/**
 * A scripted Destination for unit tests: each upsert call is answered by the test's `answer`
 * function (resolve = accepted, throw = a DestinationError), and every call is recorded with the
 * fake clock's time so tests can check pacing, retries and splits.
 */
import type {
  Destination,
  OutgoingContact,
  RefusedContact,
} from '../../core/destination-port/destination';
import type { Clock } from '../../core/upload/clock';

export interface UpsertCall {
  readonly at: number;
  readonly listId: string;
  readonly emails: readonly string[];
  readonly contacts: readonly OutgoingContact[];
}

export type Answer = (call: UpsertCall, index: number) => void | Promise<void>;

export interface FakeDestination extends Destination {
  readonly calls: UpsertCall[];
  readonly delivered: Map<string, OutgoingContact>;
  readonly lists: Map<string, string>;
  answer: Answer;
  /** The people of an accepted call the destination answers for but does not take. */
  refuse: (call: UpsertCall) => readonly RefusedContact[];
  checkAnswer: () => void | Promise<void>;
  checks: number;
}

export function createFakeDestination(
  clock: Clock,
  answer: Answer = () => undefined,
): FakeDestination {
  const destination: FakeDestination = {
    serviceName: 'Autopilot',
    maxBatchSize: 100,
    calls: [],
    delivered: new Map(),
    lists: new Map(),
    answer,
    refuse: () => [],
    checkAnswer: () => undefined,
    checks: 0,
    async checkCredentials() {
      destination.checks += 1;
      await destination.checkAnswer();
      return { summary: 'ok', listCount: destination.lists.size };
    },
    async listLists() {
      return [...destination.lists].map(([name, id]) => ({ id, name }));
    },
    async ensureList(name) {
      const existing = destination.lists.get(name);
      if (existing) return { id: existing, name, created: false };
      const id = `contactlist_${destination.lists.size + 1}`;
      destination.lists.set(name, id);
      return { id, name, created: true };
    },
    async describeFields() {
      return [];
    },
    async upsertBatch(listId, contacts, request) {
      await request.pace();
      const call: UpsertCall = {
        at: clock.now(),
        listId,
        emails: contacts.map((contact) => contact.email),
        contacts,
      };
      destination.calls.push(call);
      await destination.answer(call, destination.calls.length - 1);
      const refused = destination.refuse(call);
      const refusedEmails = new Set(refused.map((item) => item.email));
      for (const contact of contacts) {
        if (!refusedEmails.has(contact.email))
          destination.delivered.set(contact.email.toLowerCase(), contact);
      }
      return { refused };
    },
    previewRequest(listId, contacts) {
      return { listId, emails: contacts.map((contact) => contact.email) };
    },
  };
  return destination;
}
