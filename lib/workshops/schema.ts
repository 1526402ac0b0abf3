import { z } from 'zod';

export const MAX_CAPACITY = 200;
const DAY_MS = 24 * 3600_000;

/**
 * A new workshop session, as the dashboard's form sends it; `labs` must name labs of this
 * installation's catalogue (given, so the schema does not read the disk). Times are ISO 8601 with
 * an offset (the browser converts its local time), so a server in another time zone reads them right.
 */
export function newWorkshopSchema(labSlugs: string[], now: number) {
  const when = (what: string) => z.iso.datetime({ offset: true, error: `Give the ${what} as a date and time.` }).transform((s) => Date.parse(s));
  return z.object({
    title: z.string().trim().min(1, 'Give the session a title.').max(120, 'A title has at most 120 characters.')
      .describe('Shown to participants when they join, and in their header'),
    labs: z.array(z.string().refine((s) => labSlugs.includes(s), { error: (iss) => `There is no lab "${String(iss.input)}"; choose from ${labSlugs.join(', ')}.` }))
      .min(1, 'Include at least one lab.')
      .refine((a) => new Set(a).size === a.length, 'A lab is included twice.')
      .describe('Lab slugs, in the order taught; participants land on the first'),
    capacity: z.number({ error: 'Give the number of places as a number.' }).int('Places are a whole number.').min(1, 'A session needs at least 1 place.').max(MAX_CAPACITY, `A session has at most ${MAX_CAPACITY} places.`)
      .describe('How many participants may join'),
    startsAt: when('start').describe('When participants may join'),
    endsAt: when('end').describe('After this nobody can join'),
    sandboxLifetimeMinutes: z.number({ error: 'Give the sandbox lifetime in minutes.' }).int('Sandbox lifetime is whole minutes.').min(15, 'A sandbox lives at least 15 minutes.').max(24 * 60, 'A sandbox lives at most 24 hours (1440 minutes).')
      .describe('How long each participant\'s sandbox lives'),
    poolSize: z.number({ error: 'Give the number of sandboxes to make ahead as a number.' }).int('Sandboxes made ahead are a whole number.').min(0, 'Sandboxes made ahead cannot be negative.').max(MAX_CAPACITY, `At most ${MAX_CAPACITY} sandboxes are made ahead.`)
      .describe('Sandboxes made for the session ahead of its members, from an hour before its start (lib/sandbox/room-pool.ts)'),
  }).superRefine((w, ctx) => {
    if (w.endsAt <= w.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be after the start.' });
    else if (w.endsAt - w.startsAt > 7 * DAY_MS) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'A session lasts at most 7 days.' });
    if (w.endsAt <= now) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end is in the past.' });
    // (zod goes on to here after a field's own range check failed: compare only with a valid capacity)
    if (w.capacity >= 1 && w.capacity <= MAX_CAPACITY && w.poolSize > w.capacity) ctx.addIssue({ code: 'custom', path: ['poolSize'], message: `Make at most as many sandboxes ahead as there are places (${w.capacity}).` });
  });
}
export type NewWorkshop = z.infer<ReturnType<typeof newWorkshopSchema>>;
