import { z } from 'zod';
import { query } from '../channel';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataFolder: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appChannels = {
  'app:info': query(z.undefined(), appInfoSchema),
};
