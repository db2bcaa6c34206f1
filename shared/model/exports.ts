import { z } from 'zod';
import { termsLanguages } from './consent-terms';
import { emailPermissionChoices } from './destination-service';
import {
  customFieldTypeSchema,
  fieldMappingSchema,
  type FieldMapping,
} from '../matching/field-mapping';
import { syncChoiceSchema } from './export-plan';

/**
 * The shapes of an export (product.md, steps 3 and 4): destination fields and lists, the segments
 * and their matching, saved setups, "Export again", the preview and Start's input with the consent
 * it records. The engine (core/exports/) works in these; the IPC contract
 * (shared/ipc/channels/exports.ts) is built from them.
 */

/** The id of a saved destination, segment, setup or job as the Export screen hands it over. */
export const exportsIdSchema = z.string().min(1).max(200);
const id = exportsIdSchema;
const name = z.string().max(1000);

/** Error codes the export channels answer with, beyond the base codes in ../ipc/result.ts. */
export const exportErrorCodes = {
  destinationNotFound: 'export-destination-not-found',
  noKey: 'export-no-key',
  rejectedKey: 'export-rejected-key',
  offline: 'export-offline',
  destinationFailed: 'export-destination-failed',
  keychain: 'export-keychain',
  segmentNotFound: 'export-segment-not-found',
  invalidMapping: 'export-invalid-mapping',
  nothingToSend: 'export-nothing-to-send',
  consentMissing: 'export-consent-missing',
  consentStale: 'export-consent-stale',
  setupNotFound: 'export-setup-not-found',
  invalidSetupName: 'export-invalid-setup-name',
  jobNotFound: 'export-job-not-found',
  startFailed: 'export-start-failed',
  settingsUnreadable: 'export-settings-unreadable',
  massRemoval: 'export-mass-removal',
  countSuperseded: 'export-count-superseded',
  /** Ortto without a declared email permission nor a consent column: nobody is subscribed by guess. */
  emailPermissionMissing: 'export-email-permission-missing',
} as const;

export const destinationFieldSchema = z.object({
  /** Standard: Autopilot's key (`FirstName`). Custom: the field's name (`Loyalty Tier`). */
  key: z.string(),
  label: z.string(),
  kind: z.enum(['standard', 'custom']),
  type: customFieldTypeSchema,
  required: z.boolean(),
});
export type DestinationField = z.infer<typeof destinationFieldSchema>;

export const destinationListSchema = z.object({ id: z.string(), name: z.string() });
export type DestinationListSummary = z.infer<typeof destinationListSchema>;

/** Where a segment's contacts go: a list named after the segment, or a list the account has. */
export const listChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment') }),
  z.object({ kind: z.literal('existing'), name: z.string().trim().min(1).max(200) }),
]);
export type ListChoice = z.infer<typeof listChoiceSchema>;

/** One segment of an export as the screen asks for it. */
export const exportSegmentInputSchema = z.object({
  segmentId: id,
  listName: z.string().trim().min(1).max(200),
  mapping: fieldMappingSchema,
});
export type ExportSegmentInput = z.infer<typeof exportSegmentInputSchema>;

const count = z.number().int().nonnegative();

const previewValue = z.union([z.string(), z.number(), z.boolean()]);

export const contactPreviewSchema = z.object({
  /** The body of the first request, in the destination's own shape, trimmed to the first people. */
  body: z.string(),
  contacts: count,
  /** The same people as the engine hands them over, for the table: whichever the destination. */
  rows: z.array(
    z.object({
      email: z.string(),
      /** By the mapping's standard key. */
      standard: z.record(z.string(), previewValue),
      /** By the custom field's name. */
      custom: z.record(z.string(), previewValue),
      unsubscribe: z.boolean().optional(),
    }),
  ),
});
export type ContactPreview = z.infer<typeof contactPreviewSchema>;

export const segmentShapeSchema = z.object({
  segmentId: z.string(),
  /** Same header cells (ignoring case, spacing and order) → same signature. */
  signature: z.string(),
  /** The matching last used for files of this shape, in this file's column names. */
  remembered: fieldMappingSchema.nullable(),
});
export type SegmentShape = z.infer<typeof segmentShapeSchema>;

const signatureMappingSchema = z.object({
  signature: z.string().min(1).max(200),
  mapping: fieldMappingSchema,
});

export const exportSetupSchema = z.object({
  id: z.string(),
  name: z.string(),
  destinationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  segments: z.array(
    z.object({
      segmentId: z.string(),
      segmentName: z.string(),
      signature: z.string(),
      list: listChoiceSchema,
    }),
  ),
  mappings: z.array(signatureMappingSchema),
  /** "Keep the list in step with the segment" (issue 13). */
  mirror: z.boolean().optional(),
});
export type ExportSetup = z.infer<typeof exportSetupSchema>;

export const saveSetupInputSchema = z.object({
  /** Given: replace that setup. Absent: a new one (or the one with the same name). */
  id: id.optional(),
  name,
  destinationId: id.nullable(),
  segments: z.array(z.object({ segmentId: id, list: listChoiceSchema })).max(100),
  mappings: z.array(signatureMappingSchema).max(100),
  mirror: z.boolean().optional(),
});
export type SaveSetupInput = z.infer<typeof saveSetupInputSchema>;

/** Where each segment of a past export stands now, for "Export again". */
const againSegmentStates = ['ready', 'changed', 'moved', 'missing'] as const;

export const exportAgainSchema = z.object({
  jobId: z.string(),
  createdAt: z.string(),
  /** Null when that destination has been deleted since. */
  destinationId: z.string().nullable(),
  destinationName: z.string(),
  segments: z.array(
    z.object({
      name: z.string(),
      fileName: z.string(),
      listName: z.string(),
      mapping: fieldMappingSchema,
      state: z.enum(againSegmentStates),
      /** The snapshot the job read, while it still exists. */
      segmentId: z.string().nullable(),
      importedAt: z.string().nullable(),
    }),
  ),
  /** The earlier export kept its list in step with the segment (issue 13). */
  mirror: z.boolean().optional(),
});
export type ExportAgain = z.infer<typeof exportAgainSchema>;

export const startExportInputSchema = z.object({
  destinationId: id,
  segments: z.array(exportSegmentInputSchema).min(1).max(100),
  /** The person ticked the box and pressed Confirm for this many profiles. */
  consent: z.object({
    confirmed: z.literal(true),
    profiles: count,
    /** The person answered yes to taking more than a fifth of a list's members off (mirror). */
    massRemoval: z.boolean().optional(),
    /** The language the terms were shown in: the receipt keeps those words (issue 17, item 7). */
    language: z.enum(termsLanguages).optional(),
  }),
  sync: syncChoiceSchema.optional(),
  /**
   * Ortto only, and required there (issue 16, item 4): whether these people agreed to receive
   * email. People Ortto creates get it; existing people keep theirs. A matched consent column
   * decides row by row instead, and this answers for rows where the column is blank.
   */
  emailPermission: z.enum(emailPermissionChoices).optional(),
});
export type StartExportInput = z.infer<typeof startExportInputSchema>;

/** "What will be sent": the first people of a segment in the destination's own request. */
export const previewRequestSchema = z.object({
  segment: exportSegmentInputSchema,
  /** The list's id when the account has it; absent when the export will create it. */
  listId: z.string().max(200).nullable(),
  limit: z.number().int().min(1).max(20),
  /** Whose request to show (Autopilot's shape without one). */
  destinationId: id.optional(),
  /** Ortto: the permission its create-only merge would give new people. */
  emailPermission: z.enum(emailPermissionChoices).optional(),
});
export type PreviewRequest = z.input<typeof previewRequestSchema>;

/** What is wrong with a matching before anything can be counted or sent. */
interface MappingProblems {
  readonly emailMissing: boolean;
  /** Columns that feed more than one field. */
  readonly sharedColumns: readonly string[];
  /** Custom field names used twice (Autopilot would get one key twice). */
  readonly repeatedCustomFields: readonly string[];
}

export function mappingProblems(mapping: FieldMapping): MappingProblems {
  const columns = [
    mapping.email,
    ...Object.values(mapping.standard),
    ...mapping.custom.map((field) => field.column),
    mapping.emailConsent?.column ?? '',
  ].filter((column) => column.trim() !== '');
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) shared.add(column);
    seen.add(column);
  }
  const names = new Set<string>();
  const repeated = new Set<string>();
  for (const field of mapping.custom) {
    const key = field.name.trim().toLowerCase();
    if (names.has(key)) repeated.add(field.name);
    names.add(key);
  }
  return {
    emailMissing: mapping.email.trim() === '',
    sharedColumns: [...shared],
    repeatedCustomFields: [...repeated],
  };
}

export function hasMappingProblems(problems: MappingProblems): boolean {
  return (
    problems.emailMissing ||
    problems.sharedColumns.length > 0 ||
    problems.repeatedCustomFields.length > 0
  );
}
