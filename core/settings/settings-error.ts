/** Why the settings could not be read or saved, each with a message a marketer can act on. */
type SettingsErrorKind =
  /** The file is not valid JSON or does not have the expected shape. */
  | 'damaged'
  /** A newer Segment Courier wrote it; this version must not overwrite what it does not know. */
  | 'newer-version'
  /** The disk refused the write (full, read-only, no permission). */
  | 'unwritable';

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  readonly kind: SettingsErrorKind;
  constructor(kind: SettingsErrorKind, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.kind = kind;
  }
}
