/**
 * OutgoingContact (the engine's shape) → the JSON contact Autopilot's POST /contact(s) takes
 * (autopilot-api.md §3): `Email`, PascalCase standard keys, `custom` keyed `type--Field--Name`,
 * and `_autopilot_list` so the upsert also puts the contact on the list.
 */
import type {
  ContactValue,
  CustomFieldType,
  OutgoingContact,
} from '../destination-port/destination';
import { customFieldTypes } from '../destination-port/destination';
import type { AutopilotContactInput, AutopilotScalar } from './autopilot-wire';
import { findStandardField } from '../destination-port/standard-fields';

/** Keys that steer Autopilot rather than describe the person; a field mapping must not set them. */
const controlKeys = new Set([
  'Email',
  'custom',
  'contact_id',
  '_autopilot_list',
  '_autopilot_session_id',
  '_NewEmail',
  'notify',
  'unsubscribed',
]);

/** `string--Loyalty--Tier` for a string field named "Loyalty Tier" (each space becomes `--`). */
export function customFieldKey(type: CustomFieldType, name: string): string {
  return `${type}--${name.trim().replace(/\s/g, '--')}`;
}

/** The reverse of customFieldKey, for keys read back from Autopilot. */
export function parseCustomFieldKey(
  key: string,
): { type: CustomFieldType; name: string } | undefined {
  const separator = key.indexOf('--');
  if (separator <= 0) return undefined;
  const type = key.slice(0, separator);
  if (!(customFieldTypes as readonly string[]).includes(type)) return undefined;
  const name = key.slice(separator + 2).replace(/--/g, ' ');
  return name ? { type: type as CustomFieldType, name } : undefined;
}

/**
 * Numbers and booleans go as JSON numbers and booleans when the field's type says so and the text
 * reads cleanly as one ("250" → 250). Anything else is sent as given and Autopilot decides.
 */
export function coerceValue(type: CustomFieldType, value: ContactValue): AutopilotScalar {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (type === 'integer' && /^[-+]?\d+$/.test(text)) return Number(text);
  if (type === 'float' && text !== '' && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return value;
}

export function buildAutopilotContact(
  contact: OutgoingContact,
  listId?: string,
): AutopilotContactInput {
  const wire: Record<string, AutopilotScalar | Record<string, AutopilotScalar>> = {};
  for (const [key, value] of Object.entries(contact.standard)) {
    if (controlKeys.has(key) || key.startsWith('_')) continue;
    wire[key] = coerceValue(findStandardField(key)?.type ?? 'string', value);
  }
  wire.Email = contact.email;
  if (contact.custom.length > 0) {
    const custom: Record<string, AutopilotScalar> = {};
    for (const field of contact.custom) {
      custom[customFieldKey(field.type, field.name)] = coerceValue(field.type, field.value);
    }
    wire.custom = custom;
  }
  if (listId !== undefined) wire._autopilot_list = listId;
  // Only an opt-out the marketer chose to send suppressed sets the flag; nothing ever sends
  // `unsubscribed: false`, so a push cannot re-subscribe anyone (product.md, Guarantees).
  if (contact.unsubscribe) wire.unsubscribed = true;
  return wire as AutopilotContactInput;
}
