import { z } from 'zod';
import { command, query } from '../channel';

const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataFolder: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Paths waiting to be imported; taking them empties the queue (see electron/app/open-files-queue.ts). */
const takeOpenFilesOutputSchema = z.object({ paths: z.array(z.string()) });

export const appChannels = {
  'app:info': query(z.undefined(), appInfoSchema),
  'app:takeOpenFiles': command(z.undefined(), takeOpenFilesOutputSchema),
  /** The interface language the person chose, so main's notifications and dialogs speak it too. */
  'app:setLanguage': command(z.object({ language: z.enum(['en', 'ca']) }), z.null()),
};

/**
 * Files the system asked the app to open arrived: a double-clicked .csv, "Open with", a file
 * dropped on the app's icon, or a second launch with files. The page then calls
 * `app:takeOpenFiles` (it also does so when it starts, so nothing is lost while it loads).
 */
const openFilesEventSchema = z.object({ paths: z.array(z.string()) });

export const appEvents = {
  'app:openFiles': openFilesEventSchema,
};
