import type { ReactNode } from 'react';
import { Workbench } from '@/components/workbench/Workbench';

/** Every lesson page, beside the participant's workbench (kept, with its terminals, from step to step). */
export default function LabsLayout({ children }: { children: ReactNode }) {
  return <Workbench>{children}</Workbench>;
}
