import { z } from 'zod';

export const broadcastSchema = z.object({
  message: z.string().trim().min(1, 'Write the message to show everyone.').max(280, 'A message has at most 280 characters: it is a banner.')
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s), 'A message cannot hold control characters.')
    .describe('Shown in a banner on every member\'s pages until they close it'),
});
export type BroadcastInput = z.infer<typeof broadcastSchema>;
