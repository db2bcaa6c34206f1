/**
 * Autopilot as a Destination (core/destination-port/destination.ts): the upload engine's only view of
 * Autopilot. Batches go to POST /contacts with `_autopilot_list` on every contact, so one request
 * both upserts the contacts and puts them on the list.
 */
import {
  DestinationError,
  type CustomFieldType,
  type Destination,
  type FieldDescription,
} from '../destination-port/destination';
import { AutopilotClient, autopilotMaxBatchSize } from './autopilot-client';
import { isRedirectError } from './autopilot-errors';
import { autopilotMembership } from './autopilot-membership';
import type { AutopilotCustomField } from './autopilot-wire';
import { buildAutopilotContact } from './contact-builder';
import { standardFields } from '../destination-port/standard-fields';

interface AutopilotDestinationOptions {
  /** Base URL including `/v1`; shared/model's autopilotDefaultEndpoint for the real service. */
  readonly endpoint: string;
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

/**
 * Autopilot's fieldType words are unconfirmed (autopilot-api.md §7); read them loosely and fall
 * back to string, which Autopilot accepts for any value.
 */
export function customFieldTypeOf(fieldType: string): CustomFieldType {
  const word = fieldType.trim().toLowerCase();
  if (['integer', 'int', 'number', 'long'].includes(word)) return 'integer';
  if (['float', 'double', 'decimal'].includes(word)) return 'float';
  if (['boolean', 'bool'].includes(word)) return 'boolean';
  if (['date', 'datetime', 'timestamp'].includes(word)) return 'date';
  return 'string';
}

function describeCustomFields(fields: readonly AutopilotCustomField[]): FieldDescription[] {
  const seen = new Set<string>();
  const described: FieldDescription[] = [];
  for (const field of fields) {
    const dedupeKey = field.name.toLowerCase();
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    described.push({
      key: field.name,
      label: field.name,
      kind: 'custom',
      type: customFieldTypeOf(field.fieldType),
      required: false,
    });
  }
  return described;
}

const standardDescriptions: readonly FieldDescription[] = standardFields.map((field) => ({
  key: field.key,
  label: field.label,
  kind: 'standard',
  type: field.type,
  required: field.key === 'Email',
}));

function listCountSummary(count: number): string {
  if (count === 0) return 'Connected. The account has no lists yet.';
  return count === 1
    ? 'Connected. The account has 1 list.'
    : `Connected. The account has ${count} lists.`;
}

export function createAutopilotDestination(options: AutopilotDestinationOptions): Destination {
  const client = new AutopilotClient({
    baseUrl: options.endpoint,
    apiKey: options.apiKey,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    now: options.now,
  });
  return {
    serviceName: 'Autopilot',
    maxBatchSize: autopilotMaxBatchSize,
    membership: autopilotMembership(client),
    async checkCredentials(signal) {
      try {
        const { listCount } = await client.checkKey(signal);
        return { summary: listCountSummary(listCount), listCount };
      } catch (error) {
        // A redirect while checking is an endpoint to fix, not a blip to wait out: say so before
        // any job exists (Connect, the command line's check). Batches treat it as a fault.
        if (isRedirectError(error)) {
          throw new DestinationError('invalid-request', error.message, {
            status: error.status,
            cause: error,
          });
        }
        // GET /lists always exists on Autopilot, so a 404 here means the endpoint is wrong.
        if (error instanceof DestinationError && error.kind === 'not-found') {
          throw new DestinationError(
            'invalid-request',
            "That API endpoint doesn't answer like Autopilot. Check the endpoint in Destinations.",
            { status: error.status, cause: error },
          );
        }
        throw error;
      }
    },
    async listLists(signal) {
      const lists = await client.listLists(signal);
      return lists.map((list) => ({ id: list.list_id, name: list.title }));
    },
    async ensureList(name, signal) {
      const list = await client.findOrCreateList(name, signal);
      return { id: list.list_id, name: list.title, created: list.created };
    },
    async describeFields(signal) {
      const custom = await client.getCustomFields(signal);
      return [...standardDescriptions, ...describeCustomFields(custom)];
    },
    async upsertBatch(listId, contacts, call) {
      if (contacts.length > 0) {
        await call.pace();
        await client.upsertContacts(
          contacts.map((contact) => buildAutopilotContact(contact, listId)),
          call.signal,
        );
      }
      // Autopilot confirms every contact id or fails the request (autopilot-client.ts).
      return { refused: [] };
    },
    previewRequest(listId, contacts) {
      return { contacts: contacts.map((contact) => buildAutopilotContact(contact, listId)) };
    },
  };
}
