import type { BridgeApi } from '../../../../shared/ipc/bridge-api';
import { CourierError, unwrapResult } from '../../../../shared/ipc/result';
import type { ImportOutcome } from '../../../../shared/segments/segment-summary';

/** 512 KiB per slice: ~700 KB of base64, small enough for any IPC hop, big enough to be quick. */
const uploadSliceBytes = 512 * 1024;

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

interface UploadCallbacks {
  /** Main accepted the file and named the transfer (its progress events carry this id). */
  onBegun?(uploadId: string): void;
  onSent?(sentBytes: number): void;
}

/**
 * Streams a dropped file to main slice by slice, awaiting each, so neither side ever holds it all
 * and the page's main thread only ever handles one slice. Main stages it and imports it.
 */
export async function uploadFile(
  bridge: BridgeApi,
  file: File,
  callbacks: UploadCallbacks = {},
): Promise<ImportOutcome> {
  const begun = unwrapResult(
    await bridge.segmentsUploadBegin({ fileName: file.name, size: file.size }),
  );
  if (!begun.ok) return { ok: false, fileName: file.name, error: begun.error };
  const { uploadId } = begun;
  callbacks.onBegun?.(uploadId);
  try {
    for (let offset = 0; offset < file.size; offset += uploadSliceBytes) {
      const data = await readBase64(file.slice(offset, offset + uploadSliceBytes));
      unwrapResult(await bridge.segmentsUploadChunk({ uploadId, offset, data }));
      callbacks.onSent?.(Math.min(offset + uploadSliceBytes, file.size));
    }
    return unwrapResult(await bridge.segmentsUploadEnd({ uploadId }));
  } catch (error) {
    await bridge.segmentsUploadCancel({ uploadId }).catch(() => undefined);
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
