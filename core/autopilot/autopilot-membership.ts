/**
 * Autopilot's list membership calls as a ListMembership (autopilot-api.md §2):
 * `GET`/`POST`/`DELETE /list/{list_id}/contact/{email}` and `GET /list/{list_id}/contacts[/{bookmark}]`.
 * DELETE on a list takes the contact off that list only; the contact stays in the account.
 */
import { DestinationError } from '../destination-port/destination';
import type { ListMembership } from '../destination-port/list-membership';
import type { AutopilotClient } from './autopilot-client';

export function autopilotMembership(client: AutopilotClient): ListMembership {
  return {
    isMember: (listId, email, signal) => client.isContactOnList(listId, email, signal),
    add: (listId, email, signal) => client.addContactToList(listId, email, signal),
    remove: (listId, email, signal) => client.removeContactFromList(listId, email, signal),
    async contactExists(email, signal) {
      try {
        await client.getContact(email, signal);
        return true;
      } catch (error) {
        if (error instanceof DestinationError && error.kind === 'not-found') return false;
        throw error;
      }
    },
    async membersPage(listId, page, signal) {
      const result = await client.getListContactsPage(listId, page, signal);
      return {
        emails: result.contacts.flatMap((contact) =>
          typeof contact.Email === 'string' ? [contact.Email] : [],
        ),
        total: result.totalContacts,
        next: result.bookmark,
      };
    },
  };
}
