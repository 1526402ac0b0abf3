import { z } from 'zod';

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(n)));

/** Untrusted sizes are clamped to what a screen can show (a huge size would make tmux allocate for it). */
export const resizeSchema = z.object({
  type: z.literal('resize'),
  cols: z.number().transform((n) => clamp(n, 2, 500)).describe('Columns of the browser terminal'),
  rows: z.number().transform((n) => clamp(n, 2, 200)).describe('Rows of the browser terminal'),
});
export type ResizeMessage = z.infer<typeof resizeSchema>;

/** A control message (text frame) from the client, or null when it is not one we know: it is then ignored. */
export function parseControl(text: string): ResizeMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = resizeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
