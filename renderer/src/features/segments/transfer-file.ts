import type { BridgeApi } from '../../../../shared/ipc/bridge-api';
import { CourierError, unwrapResult } from '../../../../shared/ipc/result';
import type { ImportOutcome } from '../../../../shared/segments/segment-summary';

/** 512 KiB per slice: ~700 KB of base64, small enough for any IPC hop, big enough to be quick. */
const transferSliceBytes = 512 * 1024;

/** `Uint8Array.prototype.toBase64`: native and fast, in Chromium since version 140. */
interface WithToBase64 {
  toBase64?: (this: Uint8Array) => string;
}

/** Base64 through a data URL, for engines without toBase64 (the encoding is the browser's own). */
function readBase64WithFileReader(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Base64 of a slice. The bytes are read off the page's main thread; encoding them natively takes
 * well under a millisecond, so the window never stalls however big the file.
 */
async function readBase64(blob: Blob): Promise<string> {
  const toBase64 = (Uint8Array.prototype as WithToBase64).toBase64;
  if (typeof toBase64 !== 'function') return readBase64WithFileReader(blob);
  return toBase64.call(new Uint8Array(await blob.arrayBuffer()));
}

interface TransferCallbacks {
  /** Main accepted the file and named the transfer (its progress events carry this id). */
  onBegun?(transferId: string): void;
  onSent?(sentBytes: number): void;
}

/**
 * Streams a dropped file to main slice by slice, awaiting each, so neither side ever holds it all
 * and the page's main thread only ever handles one slice: a file transfer. Main keeps the copy
 * and imports it.
 */
export async function transferFile(
  bridge: BridgeApi,
  file: File,
  callbacks: TransferCallbacks = {},
): Promise<ImportOutcome> {
  const begun = unwrapResult(
    await bridge.segmentsTransferBegin({ fileName: file.name, size: file.size }),
  );
  if (!begun.ok) return { ok: false, fileName: file.name, error: begun.error };
  const { transferId } = begun;
  callbacks.onBegun?.(transferId);
  try {
    for (let offset = 0; offset < file.size; offset += transferSliceBytes) {
      const data = await readBase64(file.slice(offset, offset + transferSliceBytes));
      unwrapResult(await bridge.segmentsTransferChunk({ transferId, offset, data }));
      callbacks.onSent?.(Math.min(offset + transferSliceBytes, file.size));
    }
    return unwrapResult(await bridge.segmentsTransferEnd({ transferId }));
  } catch (error) {
    await bridge.segmentsTransferCancel({ transferId }).catch(() => undefined);
    if (error instanceof CourierError) {
      return {
        ok: false,
        fileName: file.name,
        error: { code: error.code, message: error.message, params: error.params },
      };
    }
    throw error;
  }
}
