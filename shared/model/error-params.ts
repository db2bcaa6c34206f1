import { z } from 'zod';

/**
 * The facts a coded error is about (a file name, a line, a limit, a destination's name), which
 * fill in its sentence in the person's language (renderer/src/i18n/error-text.ts). Core's errors
 * carry them beside their code; the IPC error carries them to the renderer.
 */
export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof errorParamsSchema>;
