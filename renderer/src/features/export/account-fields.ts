import type { DestinationField } from '../../../../shared/model/exports';

/** The destination's fields as the matching table and Add field have them (a query's state). */
export interface AccountFields {
  readonly data?: readonly DestinationField[];
  readonly isPending: boolean;
  readonly isEnabled: boolean;
  readonly error: Error | null;
}
