import type { ReactNode } from 'react';

export function Note({ children }: { children: ReactNode }) {
  return <aside className="callout" role="note">{children}</aside>;
}

export function Warning({ children }: { children: ReactNode }) {
  return <aside className="callout warning" role="note">{children}</aside>;
}
