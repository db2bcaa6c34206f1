/**
 * List endpoints (autopilot-api.md §2): list and create lists, membership by contact id or email,
 * and a list's contacts 100 per page with bookmarks.
 */
import { errorReply, type Reply, type Route, type RouteContext } from './router';

const listNotFound = (listId: string) => errorReply(404, `List ${listId} could not be found.`);

function withListAndContact(
  context: RouteContext,
  action: (members: Set<string>, contactId: string) => Reply,
): Reply {
  const listId = context.params.listId ?? '';
  const members = context.state.memberships.get(listId);
  if (!members) return listNotFound(listId);
  const contact = context.state.findContact(context.params.contact ?? '');
  if (!contact) return errorReply(404, 'Contact could not be found.');
  return action(members, contact.contact_id);
}

function createList({ state, body }: RouteContext): Reply {
  const name =
    typeof body === 'object' && body !== null ? (body as { name?: unknown }).name : undefined;
  if (typeof name !== 'string' || name.trim() === '') {
    return errorReply(400, 'A list needs a name: {"name": "..."}.');
  }
  // Duplicate names are allowed: whether Autopilot allows them is unconfirmed (§7), and allowing
  // them is the reading that catches a client which creates without looking first.
  return { status: 200, body: { list_id: state.createList(name.trim()).list_id } };
}

function listContacts({ state, params }: RouteContext): Reply {
  const listId = params.listId ?? '';
  const members = state.memberships.get(listId);
  if (!members) return listNotFound(listId);
  const page = state.page([...members], params.bookmark);
  if (!page) return errorReply(400, 'That bookmark is not valid.');
  return { status: 200, body: { ...page, total_contacts: members.size } };
}

export const listRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/lists',
    handle: ({ state }) => ({ status: 200, body: { lists: [...state.lists.values()] } }),
  },
  { method: 'POST', pattern: '/list', handle: createList },
  {
    method: 'POST',
    pattern: '/list/:listId/contact/:contact',
    handle: (context) =>
      withListAndContact(context, (members, contactId) => {
        members.add(contactId);
        return { status: 200, body: {} };
      }),
  },
  {
    method: 'GET',
    pattern: '/list/:listId/contact/:contact',
    handle: (context) =>
      withListAndContact(context, (members, contactId) =>
        members.has(contactId)
          ? { status: 200, body: {} }
          : errorReply(404, 'Contact is not on this list.'),
      ),
  },
  {
    method: 'DELETE',
    pattern: '/list/:listId/contact/:contact',
    handle: (context) =>
      withListAndContact(context, (members, contactId) => {
        members.delete(contactId);
        return { status: 200, body: {} };
      }),
  },
  { method: 'GET', pattern: '/list/:listId/contacts', handle: listContacts },
  { method: 'GET', pattern: '/list/:listId/contacts/:bookmark', handle: listContacts },
];
