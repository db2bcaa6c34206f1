import { z } from 'zod';
import { privacyAgreementSchema } from '../../shared/model/destinations';
import { listChoiceSchema } from '../../shared/model/exports';
import { fieldMappingSchema } from '../../shared/matching/field-mapping';
import { setupAutomationSchema } from '../../shared/model/automation';
import { destinationServices, orttoRegions } from '../../shared/model/destination-service';

/**
 * The settings document: small, human-sized data only (../../shared/docs/style.md, practice 7).
 * Segment snapshots and job journals live in their own files, never here. The API key is not
 * here either: it lives in the OS keychain (core/secrets/).
 */
export const currentSettingsVersion = 1;

const destinationRecordSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().min(1),
  /** Added with Ortto (issue 16): a destination saved before it is an Autopilot account. */
  service: z.enum(destinationServices).default('autopilot'),
  /** Ortto only: the region whose host the account lives on. */
  region: z.enum(orttoRegions).optional(),
  endpoint: z.string().min(1),
  requestsPerSecond: z.number().positive(),
  createdAt: z.string().min(1),
  privacyAgreement: privacyAgreementSchema,
});
export type DestinationRecord = z.infer<typeof destinationRecordSchema>;

/**
 * A saved export setup (the Export screen's "Save setup"): destination, segments with their lists,
 * and the matching per header signature. Every part beyond id and name is optional and unknown keys
 * are kept, so setups written before this shape existed (or by a newer version) still read.
 * `destinationId` names the destination it sends to, so deleting that destination removes the
 * setups that reference it.
 */
const exportSetupRecordSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  destinationId: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  segments: z
    .array(
      z.object({
        segmentId: z.string().min(1),
        segmentName: z.string(),
        signature: z.string(),
        list: listChoiceSchema,
      }),
    )
    .optional(),
  mappings: z
    .array(z.object({ signature: z.string().min(1), mapping: fieldMappingSchema }))
    .optional(),
  /** "Keep the list in step with the segment" (issue 13). */
  mirror: z.boolean().optional(),
  /** Runs by itself (issue 18): a watched folder and/or a schedule, under a standing consent. */
  automation: setupAutomationSchema.optional(),
});
export type ExportSetupRecord = z.infer<typeof exportSetupRecordSchema>;

/**
 * The matching last used for files of one shape (header signature, core/exports/header-
 * signature.ts), so next week's file of the same shape is matched without asking.
 */
const headerMappingRecordSchema = z.object({
  signature: z.string().min(1),
  columns: z.array(z.string()),
  mapping: fieldMappingSchema,
  usedAt: z.string(),
});
export type HeaderMappingRecord = z.infer<typeof headerMappingRecordSchema>;

const interfacePreferencesSchema = z.object({
  language: z.enum(['en', 'ca']).optional(),
});

export const settingsSchema = z.object({
  schemaVersion: z.literal(currentSettingsVersion),
  destinations: z.array(destinationRecordSchema),
  exportSetups: z.array(exportSetupRecordSchema),
  /**
   * Added after version 1 without a migration step: a document without it reads as an empty list,
   * and nothing else changed shape, so older files stay valid as they are.
   */
  headerMappings: z.array(headerMappingRecordSchema).default([]),
  preferences: interfacePreferencesSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return {
    schemaVersion: currentSettingsVersion,
    destinations: [],
    exportSetups: [],
    headerMappings: [],
    preferences: {},
  };
}
