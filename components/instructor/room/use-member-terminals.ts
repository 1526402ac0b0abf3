'use client';

import { useEffect, useMemo, useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import type { MemberTerminals } from '@/lib/room/member-terminals';
import { memberApi } from './member-api';

/** How often the watch panel asks which terminals the member has open (one `tmux list-sessions` in their shell). */
const POLL_MS = 5000;

/** The member's open terminals while the watch panel is open; `list` is null until the first answer. */
export function useMemberTerminals(workshopId: string, memberKey: string) {
  const api = useMemo(() => memberApi(workshopId, memberKey), [workshopId, memberKey]);
  const [list, setList] = useState<MemberTerminals | null>(null);
  const [error, setError] = useState<ErrorView | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const r = await api.terminals();
      if (stopped) return;
      if (r.ok) { setList(r.value); setError(null); } else setError(r.error);
    };
    void load();
    const t = setInterval(() => { if (document.visibilityState === 'visible') void load(); }, POLL_MS);
    return () => { stopped = true; clearInterval(t); };
  }, [api]);
  return { list, error };
}
