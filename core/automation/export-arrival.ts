/**
 * Decides when a new export in a watched folder is complete, and takes each export once
 * (issue 18, item 1). Copying tools (a storage sync, an SFTP client, OneDrive) write a file over
 * seconds or minutes and a Customer Insights folder part by part, so an export counts as complete
 * only when:
 * - every file it needs is there (for a CDM folder: the schema, and every part the schema names),
 * - and no size or modification time changed between two looks at least `stableForMs` apart.
 */
import { exportIdentity, type TakenExports } from './taken-exports';
import { scanWatchedFolder, type ExportLook } from './export-scan';

const defaultStableForMs = 5_000;

export interface CompleteExport {
  readonly id: string;
  readonly kind: ExportLook['kind'];
  /** Relative to the watched folder. */
  readonly path: string;
  readonly schemaFile?: string;
  readonly files: ExportLook['files'];
}

interface WaitingExport {
  readonly path: string;
  /** A plain sentence: what is still missing or still changing. */
  readonly reason: string;
}

export interface ArrivalCheck {
  /** Complete and not taken before; taking them is up to `takeComplete`. */
  readonly complete: readonly CompleteExport[];
  readonly waiting: readonly WaitingExport[];
  /** When a look changed this time: check again after `stableForMs`. */
  readonly recheckInMs?: number;
}

interface ExportArrivalsOptions {
  readonly watchedFolder: string;
  /** The saved setup this folder feeds; exports are taken once per setup. */
  readonly setupId: string;
  readonly taken: TakenExports;
  readonly now: () => number;
  readonly stableForMs?: number;
  /** Which shapes this setup takes (both unless told). */
  readonly accept?: readonly ExportLook['kind'][];
}

interface Seen {
  readonly signature: string;
  readonly since: number;
}

/** What must not change for an export to count as stable. */
function signatureOf(look: ExportLook): string {
  return JSON.stringify([look.files, look.schemaText ?? null]);
}

export class ExportArrivals {
  readonly #options: ExportArrivalsOptions;
  readonly #stableForMs: number;
  readonly #seen = new Map<string, Seen>();

  constructor(options: ExportArrivalsOptions) {
    this.#options = options;
    this.#stableForMs = options.stableForMs ?? defaultStableForMs;
  }

  /** Looks at the folder once; complete exports already taken are left out. */
  async check(): Promise<ArrivalCheck> {
    const now = this.#options.now();
    const accept = this.#options.accept ?? ['file', 'cdm-folder'];
    const scanned = await scanWatchedFolder(this.#options.watchedFolder);
    const looks = scanned.filter((look) => accept.includes(look.kind));
    const complete: CompleteExport[] = [];
    const waiting: WaitingExport[] = [];
    let recheckInMs: number | undefined;
    const present = new Set<string>();
    for (const look of looks) {
      const key = `${look.kind}:${look.path}`;
      present.add(key);
      const stillFor = this.#stableFor(key, look, now);
      const reason = look.waitingFor ?? emptyReason(look);
      if (reason !== undefined) waiting.push({ path: look.path, reason });
      else if (stillFor < this.#stableForMs) {
        waiting.push({ path: look.path, reason: 'Its files are still being written.' });
        recheckInMs = Math.min(recheckInMs ?? Infinity, this.#stableForMs - stillFor);
      } else {
        const id = exportIdentity(look);
        if (!(await this.#options.taken.has(this.#options.setupId, id))) {
          complete.push({ id, ...pick(look) });
        }
      }
    }
    for (const key of this.#seen.keys()) if (!present.has(key)) this.#seen.delete(key);
    return { complete, waiting, ...(recheckInMs === undefined ? {} : { recheckInMs }) };
  }

  /**
   * Checks, then records each complete export as taken before handing it out, so a second check
   * (or a restart) never hands it out again.
   */
  async takeComplete(): Promise<{ taken: readonly CompleteExport[]; check: ArrivalCheck }> {
    const check = await this.check();
    const taken: CompleteExport[] = [];
    for (const found of check.complete) {
      const at = new Date(this.#options.now());
      if (await this.#options.taken.take(this.#options.setupId, found.id, found.path, at)) {
        taken.push(found);
      }
    }
    return { taken, check };
  }

  /**
   * For turning the folder automation on: what already lies in the folder is not new, so every
   * export that looks whole now is recorded as taken without a run. Returns how many.
   */
  async adoptPresent(): Promise<number> {
    const looks = await scanWatchedFolder(this.#options.watchedFolder);
    let adopted = 0;
    for (const look of looks) {
      if (look.waitingFor !== undefined || emptyReason(look) !== undefined) continue;
      const at = new Date(this.#options.now());
      if (
        await this.#options.taken.take(this.#options.setupId, exportIdentity(look), look.path, at)
      ) {
        adopted += 1;
      }
    }
    return adopted;
  }

  /** How long this look has stayed the same; 0 when it just changed or is new. */
  #stableFor(key: string, look: ExportLook, now: number): number {
    const signature = signatureOf(look);
    const seen = this.#seen.get(key);
    if (seen?.signature === signature) return now - seen.since;
    this.#seen.set(key, { signature, since: now });
    return 0;
  }
}

function emptyReason(look: ExportLook): string | undefined {
  return look.files.some((file) => file.size === 0) ? 'A file in it is still empty.' : undefined;
}

function pick(look: ExportLook): Omit<CompleteExport, 'id'> {
  return {
    kind: look.kind,
    path: look.path,
    files: look.files,
    ...(look.schemaFile === undefined ? {} : { schemaFile: look.schemaFile }),
  };
}
