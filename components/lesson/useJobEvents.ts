'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobEvent, Stage } from '@/lib/jobs/jobs';
import type { ErrorView } from '@/lib/errors';
import { announceSandboxChange } from '../sandbox/changed';

export type JobState = {
  running: boolean;
  stage: Stage | null;
  stagesDone: Stage[];
  log: string[];
  result: Extract<JobEvent, { type: 'result' }> | null;
  error: ErrorView | null;
};

const initial: JobState = { running: false, stage: null, stagesDone: [], log: [], result: null, error: null };

/** Follow a job's server-sent events and fold them into what the runner shows. */
export function useJobEvents() {
  const [state, setState] = useState<JobState>(initial);
  const source = useRef<EventSource | null>(null);

  useEffect(() => () => source.current?.close(), []);

  const apply = useCallback((e: JobEvent) => {
    setState((s) => {
      switch (e.type) {
        case 'stage': return { ...s, stage: e.stage, stagesDone: s.stage ? [...s.stagesDone, s.stage] : s.stagesDone };
        case 'log': return { ...s, log: [...s.log, e.line] };
        case 'result': return { ...s, result: e, stagesDone: s.stage ? [...s.stagesDone, s.stage] : s.stagesDone, stage: null };
        case 'error': return { ...s, error: e.error };
        case 'done': return { ...s, running: false };
      }
    });
  }, []);

  return {
    ...state,
    reset: () => { source.current?.close(); setState({ ...initial, running: true }); },
    fail: (error: ErrorView) => setState({ ...initial, error }),
    follow: (jobId: string) => {
      const es = new EventSource(`/api/jobs/${jobId}/events`);
      source.current = es;
      es.onmessage = (m) => {
        const e = JSON.parse(m.data) as JobEvent;
        apply(e);
        if (e.type === 'done') { es.close(); announceSandboxChange(); }
      };
      es.onerror = () => {
        if (es.readyState === EventSource.CLOSED) apply({ type: 'done' });
      };
    },
  };
}
