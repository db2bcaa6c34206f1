/**
 * Contact endpoints (autopilot-api.md §2): single and bulk upsert, read, delete, unsubscribe, all
 * contacts with bookmark paging, and the custom fields learnt so far.
 */
import { checkRow, isProblem, type RowProblem, type ValidRow } from './contact-rules';
import { errorReply, type Reply, type Route, type RouteContext } from './router';

const contactNotFound = () => errorReply(404, 'Contact could not be found.');

function rowContext({ state, options }: RouteContext) {
  return {
    listExists: (listId: string) => state.lists.has(listId),
    invalidEmails: new Set(options.invalidEmails.map((email) => email.toLowerCase())),
  };
}

/** All rows are checked before any is stored: a refused request changes nothing. */
function checkAll(context: RouteContext, rows: readonly unknown[]): ValidRow[] | Reply {
  const rules = rowContext(context);
  const checked = rows.map((row, index) => checkRow(row, index + 1, rules));
  const problems = checked.filter(isProblem);
  const first: RowProblem | undefined = problems[0];
  if (!first) return checked as ValidRow[];
  const more =
    problems.length > 1 ? ` ${problems.length - 1} more contact(s) also have problems.` : '';
  return errorReply(first.status, `${first.message}${more}`);
}

function bodyField(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null
    ? (body as Record<string, unknown>)[key]
    : undefined;
}

function upsertOne(context: RouteContext): Reply {
  const contact = bodyField(context.body, 'contact');
  if (contact === undefined) return errorReply(400, 'The body must be {"contact": {...}}.');
  const rows = checkAll(context, [contact]);
  if (!Array.isArray(rows)) return rows;
  const [row] = rows as [ValidRow];
  return {
    status: 200,
    body: { contact_id: context.state.upsert(row, context.options.listOnCreateOnly) },
  };
}

function upsertMany(context: RouteContext): Reply {
  const contacts = bodyField(context.body, 'contacts');
  if (!Array.isArray(contacts) || contacts.length === 0) {
    return errorReply(400, 'The body must be {"contacts": [...]} with at least one contact.');
  }
  const { maxBatch } = context.options;
  if (contacts.length > maxBatch) {
    return errorReply(
      400,
      `No more than ${maxBatch} contacts can be added in one request; got ${contacts.length}.`,
    );
  }
  const rows = checkAll(context, contacts);
  if (!Array.isArray(rows)) return rows;
  // Duplicates inside one batch are applied in order (the later row wins); undocumented (§7).
  const ids = rows.map((row) => context.state.upsert(row, context.options.listOnCreateOnly));
  return { status: 200, body: { contact_ids: ids } };
}

function allContacts({ state, params }: RouteContext): Reply {
  const ids = [...state.contacts.values()].map((contact) => contact.contact_id);
  const page = state.page(ids, params.bookmark);
  return page ? { status: 200, body: page } : errorReply(400, 'That bookmark is not valid.');
}

export const contactRoutes: readonly Route[] = [
  { method: 'POST', pattern: '/contact', handle: upsertOne },
  { method: 'POST', pattern: '/contacts', handle: upsertMany },
  {
    method: 'GET',
    pattern: '/contacts/custom_fields',
    handle: ({ state }) => ({ status: 200, body: [...state.customFields.values()] }),
  },
  { method: 'GET', pattern: '/contacts', handle: allContacts },
  { method: 'GET', pattern: '/contacts/:bookmark', handle: allContacts },
  {
    method: 'GET',
    pattern: '/contact/:contact',
    handle: ({ state, params }) => {
      const contact = state.findContact(params.contact ?? '');
      return contact ? { status: 200, body: state.toRecord(contact) } : contactNotFound();
    },
  },
  {
    method: 'DELETE',
    pattern: '/contact/:contact',
    handle: ({ state, params }) =>
      state.deleteContact(params.contact ?? '') ? { status: 200, body: {} } : contactNotFound(),
  },
  {
    method: 'POST',
    pattern: '/contact/:contact/unsubscribe',
    handle: ({ state, params }) => {
      const contact = state.findContact(params.contact ?? '');
      if (!contact) return contactNotFound();
      contact.fields.unsubscribed = true;
      return { status: 200, body: {} };
    },
  },
];
