/**
 * Values of a mapped field that do not fit its type: the contact is sent without that value, and
 * the value is listed in the report (issue 17, item 1). A domain fact the plan counts and the
 * Export screen shows; the IPC contract carries it as is.
 */
import { z } from 'zod';
import { customFieldTypeSchema } from '../matching/field-mapping';

export const misfitSchema = z.object({
  /** Standard key, custom field name, or `EmailConsent` for the consent column. */
  field: z.string(),
  type: customFieldTypeSchema,
  column: z.string(),
  count: z.number().int().nonnegative(),
  /** A few of the values, as written in the file. */
  examples: z.array(z.string()).max(3),
  /** More than a fifth of the contacts misfit: ask "Is this the right column?" first. */
  suspicious: z.boolean(),
});
export type Misfit = z.infer<typeof misfitSchema>;
