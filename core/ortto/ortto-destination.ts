/**
 * Ortto as a Destination (core/destination-port/destination.ts). A segment's list is a tag (Ortto has
 * no static lists: ortto-api.md, Lists): its id and name are the tag's name, the merge that
 * delivers people sets it, and the mirror takes it off. So the upsert itself lists everyone and a
 * sync has no list to check. Email permission: person-merge.ts.
 */
import type {
  Destination,
  DestinationList,
  OutgoingContact,
} from '../destination-port/destination';
import type { EmailPermissionChoice } from '../../shared/model/destination-service';
import { CustomFields } from './custom-fields';
import { orttoStandardDescriptions } from './ortto-fields';
import { OrttoHttp } from './ortto-http';
import { mergeBatch } from './person-merge';
import { createOnlyMerge, orttoMaxPeople, personFields, removalMerge } from './ortto-wire';

interface OrttoDestinationOptions {
  /** Base URL ending in `/v1` (orttoRegionEndpoints, or the emulator's). */
  readonly endpoint: string;
  readonly apiKey: string;
  /** Email permission for new people whose row does not say; without it they are not sent. */
  readonly emailPermission?: EmailPermissionChoice;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

function readTagNames(body: unknown): string[] {
  const list = Array.isArray(body) ? body : (body as { tags?: unknown } | undefined)?.tags;
  if (!Array.isArray(list)) return [];
  return list.flatMap((tag: unknown) => {
    const name = (tag as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name.trim() ? [name] : [];
  });
}

function tagCountSummary(count: number): string {
  if (count === 0) return 'Connected. The account has no tags yet.';
  return count === 1
    ? 'Connected. The account has 1 tag.'
    : `Connected. The account has ${count} tags.`;
}

function declaredPermission(choice: EmailPermissionChoice | undefined): boolean | undefined {
  return choice === undefined ? undefined : choice === 'yes';
}

export function createOrttoDestination(options: OrttoDestinationOptions): Destination {
  const http = new OrttoHttp(options);
  const customFields = new CustomFields(http);
  const permission = declaredPermission(options.emailPermission);
  const tags = async (signal?: AbortSignal): Promise<DestinationList[]> =>
    readTagNames(await http.post('tags/get', {}, signal)).map((name) => ({ id: name, name }));
  return {
    serviceName: 'Ortto',
    maxBatchSize: orttoMaxPeople,
    upsertListsEveryone: true,
    removal: {
      groupSize: orttoMaxPeople,
      async remove(tag, emails, signal) {
        await http.post('person/merge', removalMerge(tag, emails), signal);
      },
    },
    async checkCredentials(signal) {
      const count = (await tags(signal)).length;
      return { summary: tagCountSummary(count), listCount: count };
    },
    listLists: tags,
    async ensureList(name, signal) {
      const wanted = name.trim().toLowerCase();
      const found = (await tags(signal)).find((tag) => tag.name.toLowerCase() === wanted);
      // A missing tag is created by the first merge that sets it.
      return found ? { ...found, created: false } : { id: name, name, created: true };
    },
    async describeFields(signal) {
      return [...orttoStandardDescriptions, ...(await customFields.describe(signal))];
    },
    async upsertBatch(tag, contacts, call) {
      if (contacts.length === 0) return { refused: [] };
      const wanted = contacts.flatMap((contact) => contact.custom);
      const customIds = await customFields.idsFor(wanted, call);
      return mergeBatch({ http, tag, customIds, declaredPermission: permission, call }, contacts);
    },
    previewRequest(tag, contacts: readonly OutgoingContact[]) {
      // Custom fields are shown under their names: their ids are known only once read or created.
      const names = new Map(
        contacts.flatMap((contact) =>
          contact.custom.map((field) => [field.name.toLowerCase(), field.name]),
        ),
      );
      return createOnlyMerge(
        contacts.map((contact) => ({
          fields: personFields(contact, names, contact.emailPermission ?? permission),
          tags: tag === undefined ? [] : [tag],
        })),
      );
    },
  };
}
