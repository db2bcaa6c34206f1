import { z } from 'zod';

/** Value types of Autopilot custom fields (the `type--` prefix of a custom key). */
export const customFieldTypeSchema = z.enum(['string', 'integer', 'float', 'boolean', 'date']);

export const optedOutChoices = ['leave-out', 'unsubscribe'] as const;
export type OptedOutChoice = (typeof optedOutChoices)[number];

const emailConsentSchema = z.object({
  column: z.string().min(1),
  optedOut: z.enum(optedOutChoices),
});

/** The field name misfits and reports use for the consent column. */
export const emailConsentField = 'EmailConsent';

/**
 * Which file column feeds which destination field. Built by auto-matching (shared/matching/) or by
 * the person on the Export screen, saved with an export setup, and used by the engine to build
 * contacts. Column names are the snapshot's header cells.
 */
export const fieldMappingSchema = z.object({
  /** The column holding the email: required. */
  email: z.string().min(1),
  /** Standard destination fields by key (`FirstName`, `LastName`, `Company`, ...) to column. */
  standard: z.record(z.string(), z.string().min(1)),
  /** Custom fields: name as in Autopilot (`Loyalty Tier`), its type, and the feeding column. */
  custom: z.array(
    z.object({
      name: z.string().min(1),
      type: customFieldTypeSchema,
      column: z.string().min(1),
    }),
  ),
  /**
   * The column saying whether the person agreed to receive email (issue 17, item 4). Rows that
   * say no are left out (`leave-out`), or sent so the destination suppresses them
   * (`unsubscribe`). Rows that say yes never change a contact's permission. Absent: no column.
   */
  emailConsent: emailConsentSchema.optional(),
});

export type FieldMapping = z.infer<typeof fieldMappingSchema>;
export type CustomFieldTypeName = z.infer<typeof customFieldTypeSchema>;
