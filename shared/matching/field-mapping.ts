import { z } from 'zod';

/** Value types of Autopilot custom fields (the `type--` prefix of a custom key). */
export const customFieldTypeSchema = z.enum(['string', 'integer', 'float', 'boolean', 'date']);

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
});

export type FieldMapping = z.infer<typeof fieldMappingSchema>;
export type CustomFieldTypeName = z.infer<typeof customFieldTypeSchema>;
