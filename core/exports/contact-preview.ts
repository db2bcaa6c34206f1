/**
 * "What will be sent": the first contacts of a segment exactly as the first request carries them.
 * The engine's contact builder decides which rows become contacts and how values are converted
 * (core/upload/contact-builder.ts), the first row of an email wins as in the engine, and
 * Autopilot's wire builder writes the JSON, so the preview cannot drift from the upload
 * (users.md, idea 10: "exact payload preview").
 */
import type { ContactPreview, ExportSegmentInput } from '../../shared/ipc/channels/exports';
import type { AutopilotContactInput } from '../autopilot/autopilot-wire';
import { buildAutopilotContact } from '../autopilot/contact-builder';
import { readSnapshotManifest } from '../segments/snapshot-store';
import { compileContactBuilder } from '../upload/contact-builder';
import { visitSnapshotRows } from './snapshot-head';

export async function previewContacts(
  dataFolder: string,
  segment: ExportSegmentInput,
  listId: string | null,
  limit: number,
): Promise<ContactPreview> {
  const manifest = await readSnapshotManifest(dataFolder, segment.segmentId);
  const build = compileContactBuilder(manifest.columns, segment.mapping);
  const seen = new Set<string>();
  const contacts: AutopilotContactInput[] = [];
  await visitSnapshotRows(dataFolder, segment.segmentId, (row) => {
    const built = build(row.cells);
    if (built.kind !== 'contact' || seen.has(built.key)) return true;
    seen.add(built.key);
    contacts.push(buildAutopilotContact(built.contact, listId ?? undefined));
    return contacts.length < limit;
  });
  return { body: JSON.stringify({ contacts }, null, 2), contacts: contacts.length };
}
