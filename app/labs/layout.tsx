import { after } from 'next/server';
import type { ReactNode } from 'react';
import { currentParticipant } from '@/app/participant';
import { Workbench } from '@/components/workbench/Workbench';
import { appContext } from '@/lib/app-context';
import { warmTerminal } from '@/lib/terminal/warm';

/** Every lesson page, beside the participant's workbench (kept, with its terminals, from step to step). */
export default async function LabsLayout({ children }: { children: ReactNode }) {
  // Once the page is sent, while the browser still runs its scripts, terminal 1 is attached (a
  // newcomer's sandbox claimed from the warm pool first): the terminal's WebSocket finds it ready.
  const participant = await currentParticipant().catch(() => null);
  if (participant) after(() => warmTerminal(appContext(), participant));
  return <Workbench>{children}</Workbench>;
}
