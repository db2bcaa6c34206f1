/**
 * "What will be sent": the first contacts of a segment exactly as the first request carries them.
 * The engine's contact builder decides which rows become contacts and how values are converted
 * (core/upload/contact-builder.ts), the first row of an email wins as in the engine, and the
 * destination's own request builder writes the JSON (Destination.previewRequest), so the preview
 * cannot drift from the upload (users.md, idea 10: "exact payload preview"), whichever the kind.
 */
import type { ContactPreview, ExportSegmentInput } from '../../shared/model/exports';
import type { Destination, OutgoingContact } from '../destination-port/destination';
import { readSnapshotManifest } from '../segments/snapshot-store';
import { compileContactBuilder } from '../upload/contact-builder';
import { visitSnapshotRows } from './snapshot-head';

function previewRow(contact: OutgoingContact): ContactPreview['rows'][number] {
  return {
    email: contact.email,
    standard: { ...contact.standard },
    custom: Object.fromEntries(contact.custom.map((field) => [field.name, field.value])),
    ...(contact.unsubscribe ? { unsubscribe: true } : {}),
  };
}

export async function previewContacts(
  dataFolder: string,
  request: {
    readonly segment: ExportSegmentInput;
    readonly listId: string | null;
    readonly limit: number;
    readonly destination: Pick<Destination, 'previewRequest'>;
  },
): Promise<ContactPreview> {
  const { segment, limit } = request;
  const manifest = await readSnapshotManifest(dataFolder, segment.segmentId);
  const build = compileContactBuilder(manifest.columns, segment.mapping);
  const seen = new Set<string>();
  const contacts: OutgoingContact[] = [];
  await visitSnapshotRows(dataFolder, segment.segmentId, (row) => {
    const built = build(row.cells);
    if (built.kind !== 'contact' || seen.has(built.key)) return true;
    seen.add(built.key);
    contacts.push(built.contact);
    return contacts.length < limit;
  });
  const body = request.destination.previewRequest(request.listId ?? undefined, contacts);
  return {
    body: JSON.stringify(body, null, 2),
    contacts: contacts.length,
    rows: contacts.map(previewRow),
  };
}
