/**
 * Learning how a list reads `_autopilot_list` (issue 13, item 4), once, without touching anyone:
 * before the first batch of a job's first run, find among the first contacts to send one that the
 * account already has and that is not on the list. After the batches, if the upsert put it on the
 * list, the list is lenient (every upserted contact joins it) and the membership check is skipped,
 * now and for later exports; if not, it is strict. Only a run that sent every batch itself judges,
 * so a check of an earlier run cannot have put the contact there.
 */
import type { ListMembership } from '../destination-port/list-membership';
import { readListReading, writeListReading } from '../sync/list-reading';
import type { CallCounts, Pacer } from './pacer';
import { callPatiently, GivenUp } from './patient-call';
import {
  deliveredContacts,
  ledgerLocation,
  type SyncStepsInput,
  type UndeliveredRows,
} from './sync-steps';

const candidates = 5;

async function isCandidate(
  pacer: Pacer,
  counts: CallCounts,
  membership: ListMembership,
  listId: string,
  email: string,
): Promise<boolean> {
  try {
    if (!(await callPatiently(pacer, counts, (signal) => membership.contactExists(email, signal))))
      return false;
    return !(await callPatiently(pacer, counts, (signal) =>
      membership.isMember(listId, email, signal),
    ));
  } catch (error) {
    if (error instanceof GivenUp) return false;
    throw error;
  }
}

/** The probe contact of a segment whose list exists and whose reading is not known, if any. */
export async function findProbe(
  input: SyncStepsInput,
  segment: number,
  undelivered: UndeliveredRows,
): Promise<string | null> {
  const { membership, manifest } = input;
  const planned = manifest.segments[segment];
  if (!membership || !planned?.listId) return null;
  const listId = await input.listId(segment);
  if ((await readListReading(ledgerLocation(input, listId))) !== 'unknown') return null;
  let tried = 0;
  for await (const contact of deliveredContacts(input, segment, false, undelivered)) {
    if (tried >= candidates) break;
    tried += 1;
    if (await isCandidate(input.pacer, input.counts, membership, listId, contact.email)) {
      return contact.email;
    }
  }
  return null;
}

/** After the batches: the probe on the list now means lenient, off it means strict. */
export async function judgeProbe(
  input: SyncStepsInput,
  segment: number,
  email: string,
): Promise<void> {
  const { membership } = input;
  if (!membership) return;
  const listId = await input.listId(segment);
  const onList = await callPatiently(input.pacer, input.counts, (signal) =>
    membership.isMember(listId, email, signal),
  ).catch((error: unknown) => {
    if (error instanceof GivenUp) return null;
    throw error;
  });
  if (onList === null) return;
  await writeListReading(ledgerLocation(input, listId), onList ? 'lenient' : 'strict');
}
