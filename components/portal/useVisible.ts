'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is rendered. The workbench keeps a pane mounted under a hidden tabpanel
 * once opened, so the portal uses this to stop polling while another tab shows; the observer
 * is called whenever the element appears or disappears.
 */
export function useVisible(ref: RefObject<HTMLElement | null>): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver(([e]) => setVisible(e.target.getClientRects().length > 0));
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return visible;
}
