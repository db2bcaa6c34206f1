/** The names a header may give a standard field, as the auto-matcher reads them. */
export interface StandardFieldNames {
  readonly key: string;
  /** Whole-header names: `Nachname` is the last name. */
  readonly names: readonly string[];
  /**
   * Words that still name the field inside a longer header (`Billing City`, `Ciutat de
   * facturació`, `Customer First Name`). Kept short on purpose: `First` alone must not turn
   * `First order` into a first name.
   */
  readonly heads?: readonly string[];
}
