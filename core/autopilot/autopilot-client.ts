/**
 * Autopilot REST API v1 client: contacts, lists and custom fields (../../../shared/docs/
 * autopilot-api.md). Plain TypeScript with injected fetch and clock, so main, the command line and
 * tests share it. Every method rejects with a DestinationError (see autopilot-errors.ts), or with
 * the caller's abort reason when the caller's signal fired.
 */
import { DestinationError } from '../destination-port/destination';
import { AutopilotHttp, apiPath } from './autopilot-http';
import {
  readContact,
  readContactId,
  readConfirmedContactIds,
  readContactsPage,
  readCreatedListId,
  readCustomFields,
  readLists,
  type AutopilotContactInput,
  type AutopilotContactRecord,
  type AutopilotContactsPage,
  type AutopilotCustomField,
  type AutopilotList,
} from './autopilot-wire';

export type {
  AutopilotContactInput,
  AutopilotContactRecord,
  AutopilotContactsPage,
  AutopilotCustomField,
  AutopilotList,
} from './autopilot-wire';

interface AutopilotClientOptions {
  /** Base URL including `/v1`, e.g. `https://api2.autopilothq.com/v1`. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
  /** Per request, body included. Default 30 s. */
  readonly timeoutMs?: number;
  /** Clock for Retry-After dates. Default Date.now. */
  readonly now?: () => number;
}

/** Bulk add accepts 1-100 contacts; more is a 400 (BLOG-BULK). */
export const autopilotMaxBatchSize = 100;
/** Guards the bookmark loop against a server that keeps returning bookmarks. */
const maxPages = 100_000;

export class AutopilotClient {
  readonly #http: AutopilotHttp;

  constructor(options: AutopilotClientOptions) {
    this.#http = new AutopilotHttp({
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      timeoutMs: options.timeoutMs ?? 30_000,
      now: options.now ?? Date.now,
    });
  }

  /** A cheap authenticated call (GET /lists); rejects with 'rejected-key' for a wrong key. */
  async checkKey(signal?: AbortSignal): Promise<{ listCount: number }> {
    const lists = await this.listLists(signal);
    return { listCount: lists.length };
  }

  async listLists(signal?: AbortSignal): Promise<AutopilotList[]> {
    return readLists(await this.#http.send({ method: 'GET', path: '/lists', signal }));
  }

  async createList(name: string, signal?: AbortSignal): Promise<AutopilotList> {
    const body = await this.#http.send({ method: 'POST', path: '/list', body: { name }, signal });
    const listId = readCreatedListId(body);
    if (listId) return { list_id: listId, title: name };
    // The answer's shape is unconfirmed (§7); when it carries no id, find the list we just made.
    const found = findListByName(await this.listLists(signal), name);
    if (!found) throw new DestinationError('transient', "Autopilot didn't confirm the new list.");
    return found;
  }

  /**
   * The list whose title equals `name` ignoring case and surrounding spaces, or a new one. Whether
   * Autopilot allows duplicate names is unconfirmed (§7), so we always look first.
   */
  async findOrCreateList(
    name: string,
    signal?: AbortSignal,
  ): Promise<AutopilotList & { created: boolean }> {
    const existing = findListByName(await this.listLists(signal), name);
    if (existing) return { ...existing, created: false };
    return { ...(await this.createList(name.trim(), signal)), created: true };
  }

  async getCustomFields(signal?: AbortSignal): Promise<AutopilotCustomField[]> {
    const body = await this.#http.send({ method: 'GET', path: '/contacts/custom_fields', signal });
    return readCustomFields(body);
  }

  /**
   * POST /contacts with 1-100 contacts; resolves with the ids Autopilot returned, one per contact.
   * Rejects (transient) when the answer does not confirm every contact.
   */
  async upsertContacts(
    contacts: readonly AutopilotContactInput[],
    signal?: AbortSignal,
  ): Promise<string[]> {
    if (contacts.length === 0) return [];
    if (contacts.length > autopilotMaxBatchSize) {
      throw new DestinationError(
        'invalid-request',
        `Autopilot accepts at most ${autopilotMaxBatchSize} contacts per request; this one had ${contacts.length}.`,
      );
    }
    const body = await this.#http.send({
      method: 'POST',
      path: '/contacts',
      body: { contacts },
      signal,
    });
    return readConfirmedContactIds(body, contacts.length);
  }

  /** POST /contact; resolves with the contact id (undefined if Autopilot sent none). */
  async upsertContact(
    contact: AutopilotContactInput,
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    const body = await this.#http.send({
      method: 'POST',
      path: '/contact',
      body: { contact },
      signal,
    });
    return readContactId(body);
  }

  /** GET /contact/{id or email}; 'not-found' when there is no such contact. */
  async getContact(emailOrId: string, signal?: AbortSignal): Promise<AutopilotContactRecord> {
    const body = await this.#http.send({
      method: 'GET',
      path: apiPath('contact', emailOrId),
      signal,
    });
    return readContact(body);
  }

  async addContactToList(listId: string, emailOrId: string, signal?: AbortSignal): Promise<void> {
    const path = apiPath('list', listId, 'contact', emailOrId);
    await this.#http.send({ method: 'POST', path, signal });
  }

  async removeContactFromList(
    listId: string,
    emailOrId: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const path = apiPath('list', listId, 'contact', emailOrId);
    await this.#http.send({ method: 'DELETE', path, signal });
  }

  /** Any error status means "not a member" for Autopilot (N8N's exist op); 404 is the usual one. */
  async isContactOnList(listId: string, emailOrId: string, signal?: AbortSignal): Promise<boolean> {
    const path = apiPath('list', listId, 'contact', emailOrId);
    try {
      await this.#http.send({ method: 'GET', path, signal });
      return true;
    } catch (error) {
      if (error instanceof DestinationError && error.kind === 'not-found') return false;
      throw error;
    }
  }

  /** One page (100 contacts) of a list; pass the previous page's bookmark for the next one. */
  async getListContactsPage(
    listId: string,
    bookmark?: string,
    signal?: AbortSignal,
  ): Promise<AutopilotContactsPage> {
    const segments = ['list', listId, 'contacts', ...(bookmark ? [bookmark] : [])];
    return readContactsPage(
      await this.#http.send({ method: 'GET', path: apiPath(...segments), signal }),
    );
  }

  /** Every contact on a list, following bookmarks until the last page. */
  async getListContacts(listId: string, signal?: AbortSignal): Promise<AutopilotContactRecord[]> {
    return collectPages((bookmark) => this.getListContactsPage(listId, bookmark, signal));
  }

  /** Every contact in the account (GET /contacts, then /contacts/{bookmark}). */
  async getAllContacts(signal?: AbortSignal): Promise<AutopilotContactRecord[]> {
    return collectPages(async (bookmark) => {
      const path = apiPath('contacts', ...(bookmark ? [bookmark] : []));
      return readContactsPage(await this.#http.send({ method: 'GET', path, signal }));
    });
  }
}

function findListByName(lists: readonly AutopilotList[], name: string): AutopilotList | undefined {
  const wanted = name.trim().toLowerCase();
  return lists.find((list) => list.title.trim().toLowerCase() === wanted);
}

async function collectPages(
  fetchPage: (bookmark: string | undefined) => Promise<AutopilotContactsPage>,
): Promise<AutopilotContactRecord[]> {
  const contacts: AutopilotContactRecord[] = [];
  const seen = new Set<string>();
  let bookmark: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await fetchPage(bookmark);
    contacts.push(...result.contacts);
    if (result.bookmark === undefined || seen.has(result.bookmark)) return contacts;
    seen.add(result.bookmark);
    bookmark = result.bookmark;
  }
  return contacts;
}
