'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Notice } from '@/lib/room/notice';
import type { Presence } from '@/lib/room/presence';
import './notice.css';

/** Every few seconds: a broadcast reaches a room of 40 within this, at a few requests a second in all. */
const POLL_MS = 5000;
const DISMISSED = 'faaslab.notice.dismissed';

/**
 * On every page of a participant in a session: the instructor's latest message, or that the
 * session ended, until they close it (remembered per browser by the notice's id, so a new
 * message shows again); and, while an instructor watches or has taken over their terminal, that
 * they are there (not closable: it goes when they leave). Not on the instructor's own pages.
 */
export function NoticeBanner() {
  const path = usePathname();
  const instructorPage = path.startsWith('/instructor');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [instructor, setInstructor] = useState<Presence | null>(null);

  useEffect(() => {
    if (instructorPage) return;
    setDismissed(localStorage.getItem(DISMISSED));
    let stopped = false;
    // Hidden pages poll too (browsers slow their timers anyway): whether a page counts as hidden
    // is the browser's guess, and one that wrongly thought itself hidden would show a stale banner.
    const refresh = async () => {
      const body = await fetch('/api/workshop/notice', { cache: 'no-store' }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
      if (!stopped && body) { setNotice(body.notice ?? null); setInstructor(body.instructor ?? null); }
    };
    // Back to a tab that was hidden (whose timers the browser slowed): at once, not at the next tick.
    const onVisible = () => { if (!document.hidden) void refresh(); };
    void refresh();
    const poll = setInterval(refresh, POLL_MS);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => { stopped = true; clearInterval(poll); document.removeEventListener('visibilitychange', onVisible); window.removeEventListener('focus', onVisible); };
  }, [instructorPage]);

  if (instructorPage) return null;
  const show = notice && notice.id !== dismissed ? notice : null;
  if (!show && !instructor) return null;
  return (
    <div className="notice-stack">
      {instructor && (
        <div className={`notice-banner presence ${instructor}`} role="status" aria-live="polite" data-testid="instructor-presence">
          <span className="from">Instructor</span>
          <span className="message">{instructor === 'in-terminal' ? 'Your instructor is in your terminal: what they type runs in your shell.' : 'Your instructor is looking at your terminal (they cannot type in it).'}</span>
        </div>
      )}
      {show && (
        <div className={`notice-banner ${show.kind}`} role="status" aria-live="polite" data-testid="notice-banner">
          <span className="from">{show.kind === 'broadcast' ? 'From your instructor' : 'Session ended'}</span>
          <span className="message" data-testid="notice-message">{show.message}</span>
          <button type="button" aria-label="Close the message" onClick={() => { localStorage.setItem(DISMISSED, show.id); setDismissed(show.id); }}>×</button>
        </div>
      )}
    </div>
  );
}
