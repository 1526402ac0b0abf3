'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Notice } from '@/lib/room/notice';
import './notice.css';

/** Every few seconds: a broadcast reaches a room of 40 within this, at a few requests a second in all. */
const POLL_MS = 5000;
const DISMISSED = 'faaslab.notice.dismissed';

/**
 * On every page of a participant in a session: the instructor's latest message, or that the
 * session ended, until they close it (remembered per browser by the notice's id, so a new
 * message shows again). Not on the instructor's own pages.
 */
export function NoticeBanner() {
  const path = usePathname();
  const instructorPage = path.startsWith('/instructor');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);

  useEffect(() => {
    if (instructorPage) return;
    setDismissed(localStorage.getItem(DISMISSED));
    let stopped = false;
    const refresh = async () => {
      if (document.hidden) return;
      const body = await fetch('/api/workshop/notice', { cache: 'no-store' }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
      if (!stopped && body) setNotice(body.notice ?? null);
    };
    void refresh();
    const poll = setInterval(refresh, POLL_MS);
    return () => { stopped = true; clearInterval(poll); };
  }, [instructorPage]);

  if (instructorPage || !notice || notice.id === dismissed) return null;
  return (
    <div className={`notice-banner ${notice.kind}`} role="status" aria-live="polite" data-testid="notice-banner">
      <span className="from">{notice.kind === 'broadcast' ? 'From your instructor' : 'Session ended'}</span>
      <span className="message" data-testid="notice-message">{notice.message}</span>
      <button type="button" aria-label="Close the message" onClick={() => { localStorage.setItem(DISMISSED, notice.id); setDismissed(notice.id); }}>×</button>
    </div>
  );
}
