import type { TFunction } from 'i18next';
import type { ConnectOutcome } from '../../../../shared/model/destinations';
import type { DestinationService } from '../../../../shared/model/destination-service';

/**
 * What checking a key where it was typed found (issue 17, item 2), as the sentence after saving:
 * "Key accepted: 3 lists" (Ortto's: tags), or saved but not checked yet, and why. A refused key
 * never gets here: it is not saved and the form says so at the key field.
 */
export function keyCheckText(
  t: TFunction<'destinations'>,
  keyCheck: ConnectOutcome | undefined,
  keys: { readonly checked: string; readonly unchecked: string },
  service: DestinationService,
  values: Record<string, string> = {},
): string | undefined {
  if (!keyCheck) return undefined;
  const context = service;
  if (keyCheck.status === 'connected') {
    return t(keys.checked, { ...values, context, count: keyCheck.listCount });
  }
  return t(keys.unchecked, { ...values, reason: t(`connect.${keyCheck.reason}`, { context }) });
}
