/**
 * Standing consents (issue 18, item 2): what the person agreed every automatic run of a setup may
 * do, recorded once when the automation is turned on and revoked (never deleted) when it is
 * turned off. Kept in the data folder beside the other automation records; a revoked consent is
 * never in force again: turning the automation back on records a new one.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { standingConsentSchema, type StandingConsent } from '../../shared/model/automation';
import { QueuedJsonRecord } from './json-record';

const recordSchema = z.object({
  version: z.literal(1),
  consents: z.array(standingConsentSchema),
});
type ConsentRecord = z.infer<typeof recordSchema>;

export function standingConsentsFile(dataFolder: string): string {
  return path.join(dataFolder, 'automation', 'standing-consents.json');
}

/** What a new consent states; its id, time and revocation are the store's. */
export type NewStandingConsent = Omit<StandingConsent, 'id' | 'confirmedAt' | 'revokedAt'>;

export class StandingConsents {
  readonly #record: QueuedJsonRecord<ConsentRecord>;
  readonly #now: () => Date;

  constructor(dataFolder: string, now: () => Date = () => new Date()) {
    const file = standingConsentsFile(dataFolder);
    this.#now = now;
    // Never guess: a damaged record could make a withdrawn consent look as if it were in force.
    this.#record = new QueuedJsonRecord(
      file,
      recordSchema,
      () => ({ version: 1, consents: [] }),
      `The record of standing consents (${file}) is damaged.`,
    );
  }

  /** Records a new consent for the setup; any earlier one still in force is revoked first. */
  record(stated: NewStandingConsent): Promise<StandingConsent> {
    return this.#record.change((record) => {
      const at = this.#now().toISOString();
      for (const consent of record.consents) {
        if (consent.setupId === stated.setupId && consent.revokedAt === null) {
          consent.revokedAt = at;
        }
      }
      const consent: StandingConsent = {
        ...stated,
        id: randomUUID(),
        confirmedAt: at,
        revokedAt: null,
      };
      record.consents.push(consent);
      return consent;
    });
  }

  /** Revokes the setup's consent in force; answers it, or null when none was. */
  revoke(setupId: string): Promise<StandingConsent | null> {
    return this.#record.change((record) => {
      const inForce = record.consents.find(
        (consent) => consent.setupId === setupId && consent.revokedAt === null,
      );
      if (inForce) inForce.revokedAt = this.#now().toISOString();
      return inForce ?? null;
    });
  }

  /** The setup's consent in force, or null: revoked ones never come back. */
  async inForce(setupId: string): Promise<StandingConsent | null> {
    const record = await this.#record.read();
    return (
      record.consents.find(
        (consent) => consent.setupId === setupId && consent.revokedAt === null,
      ) ?? null
    );
  }

  /** A consent by id, revoked or not (for History's receipts). */
  async byId(id: string): Promise<StandingConsent | null> {
    return (await this.#record.read()).consents.find((consent) => consent.id === id) ?? null;
  }
}
