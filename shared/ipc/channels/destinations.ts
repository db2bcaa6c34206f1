/**
 * Destinations' channels, built from the shapes in shared/model/destinations.ts. The API key goes
 * IN through `create` and `replaceKey` and never comes back out: no output schema here has a field
 * that could hold it, and zod strips any field a handler might add by mistake
 * (tests/security/api-key-*.test.ts).
 */
import { z } from 'zod';
import { command, query } from '../channel';
import {
  connectOutcomeSchema,
  createDestinationInputSchema,
  deleteOutcomeSchema,
  destinationIdSchema,
  destinationSummarySchema,
  replaceKeyInputSchema,
  updateDestinationInputSchema,
} from '../../model/destinations';

/** What checking a key where it was typed found; absent when no check was asked for. */
const keyCheck = connectOutcomeSchema.optional();
const byId = z.object({ id: destinationIdSchema });

export const destinationChannels = {
  'destinations:list': query(z.undefined(), z.array(destinationSummarySchema)),
  'destinations:create': command(
    createDestinationInputSchema,
    destinationSummarySchema.extend({ keyCheck }),
  ),
  'destinations:update': command(updateDestinationInputSchema, destinationSummarySchema),
  'destinations:replaceKey': command(
    replaceKeyInputSchema,
    z.object({ hasKey: z.literal(true), keyCheck }),
  ),
  'destinations:hasKey': query(byId, z.object({ hasKey: z.boolean() })),
  'destinations:connect': command(byId, connectOutcomeSchema),
  'destinations:delete': command(byId, deleteOutcomeSchema),
};
