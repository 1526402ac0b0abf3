import type { ReactNode } from 'react';
import { Terminal } from '@/components/terminal/Terminal';

/** Every lesson page, with the participant's terminal under it (kept connected from step to step). */
export default function LabsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="workbench">
      {children}
      <Terminal />
    </div>
  );
}
