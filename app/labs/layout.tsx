import { after } from 'next/server';
import type { ReactNode } from 'react';
import { currentParticipant } from '@/app/participant';
import { Workbench } from '@/components/workbench/Workbench';
import { appContext } from '@/lib/app-context';
import { log } from '@/lib/log';
import { ensureSandbox } from '@/lib/sandbox/provision';

/** Every lesson page, beside the participant's workbench (kept, with its terminals, from step to step). */
export default async function LabsLayout({ children }: { children: ReactNode }) {
  // A newcomer's sandbox is claimed (from the warm pool) once the page is sent, while the browser
  // still runs its scripts: their terminal, which would make it anyway, then finds it ready.
  const participant = await currentParticipant().catch(() => null);
  if (participant && !appContext().q.sandboxOf(participant)) {
    after(() => ensureSandbox(appContext(), participant).then(() => {}, (err) => log.warn({ err: (err as Error).message }, 'sandbox ahead of the terminal failed')));
  }
  return <Workbench>{children}</Workbench>;
}
