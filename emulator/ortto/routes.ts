/**
 * The Ortto endpoints the emulator speaks, all `POST` below `/v1` (ortto-api.md): merge people,
 * list tags, list and create custom fields.
 */
import type { Reply } from '../router';
import { customFieldPrefixes, kebabName } from './fields';
import { mergePeople } from './merge';
import type { OrttoEmulatorOptions } from './options';
import { orttoError } from './replies';
import type { OrttoState, StoredCustomField } from './state';

interface OrttoRouteContext {
  readonly body: unknown;
  readonly state: OrttoState;
  readonly options: OrttoEmulatorOptions;
}

function listTags({ state }: OrttoRouteContext): Reply {
  const tags = [...state.tags.values()].map(({ id, name, source, members }) => ({
    id,
    name,
    source,
    count: members.size,
  }));
  return { status: 200, body: tags };
}

function describeField(field: StoredCustomField) {
  return {
    field: {
      id: field.id,
      name: field.name,
      display_type: field.type,
      liquid_name: `people.custom.${kebabName(field.name).replaceAll('-', '_')}`,
      dic_items: field.values,
    },
    tracked_value: field.trackChanges,
  };
}

function listCustomFields({ state }: OrttoRouteContext): Reply {
  return { status: 200, body: { fields: [...state.customFields.values()].map(describeField) } };
}

function createCustomField({ body, state, options }: OrttoRouteContext): Reply {
  const { type, name, values, track_changes: track } = (body ?? {}) as Record<string, unknown>;
  if (typeof name !== 'string' || kebabName(name) === '') {
    return orttoError(400, 'bad-request', 'A custom field needs a name.');
  }
  if (typeof type !== 'string' || !(type in customFieldPrefixes)) {
    const types = Object.keys(customFieldPrefixes).join(', ');
    return orttoError(400, 'bad-request', `type is one of ${types}.`);
  }
  if (state.findCustomFieldByName(name)) {
    return orttoError(400, 'duplicate-field', `A custom field named "${name}" already exists.`);
  }
  if (state.customFields.size >= options.customFieldLimit) {
    return orttoError(400, 'field-limit', 'The account has no room for another custom field.');
  }
  const field = state.addCustomField({
    name: name.trim(),
    type,
    trackChanges: track === true,
    values: Array.isArray(values) ? values.map(String) : [],
  });
  return { status: 200, body: { name: field?.name, field_id: field?.id, display_type: type } };
}

function merge({ body, state, options }: OrttoRouteContext): Reply {
  return mergePeople(state, body, options);
}

export const orttoRoutes: Readonly<Record<string, (context: OrttoRouteContext) => Reply>> = {
  'person/merge': merge,
  'tags/get': listTags,
  'person/custom-field/get': listCustomFields,
  'person/custom-field/create': createCustomField,
};
