'use client';

import { useEffect, useRef } from 'react';
import type { Stage } from '@/lib/jobs/jobs';
import type { JobState } from './useJobEvents';

const STAGES: { id: Stage; label: string }[] = [
  { id: 'sandbox', label: 'Sandbox' },
  { id: 'build', label: 'Build' },
  { id: 'deploy', label: 'Deploy' },
  { id: 'invoke', label: 'Invoke' },
];

/** Stage chips, the streaming build log, then the function's answer or a precise error. */
export function RunOutput({ state }: { state: JobState }) {
  const logRef = useRef<HTMLPreElement>(null);
  useEffect(() => { logRef.current?.scrollTo(0, logRef.current.scrollHeight); }, [state.log.length]);
  const started = state.running || state.result || state.error || state.log.length > 0;
  if (!started) return null;
  const detail = state.error?.detail as { excerpt?: string; file?: string; line?: number } | undefined;
  return (
    <div>
      <div className="bar stages" aria-label="Progress">
        {STAGES.map((s) => (
          <span key={s.id} className={state.stage === s.id ? 'active' : state.stagesDone.includes(s.id) ? 'done' : ''}>{s.label}</span>
        ))}
      </div>
      {state.log.length > 0 && <pre className="log" ref={logRef} aria-label="Build log">{state.log.join('\n')}</pre>}
      {state.result && (
        <div className="output" aria-label="Function output">
          <strong>HTTP {state.result.status}</strong>
          {state.result.durationSeconds !== null && <span className="muted"> · function ran {state.result.durationSeconds.toFixed(3)} s</span>}
          <span className="muted"> · {Object.entries(state.result.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}</span>
          <pre data-testid="function-output">{state.result.body}</pre>
          {!state.result.body.trim() && <div className="muted">(the function answered with an empty body)</div>}
        </div>
      )}
      {state.error && (
        <div className="output error" role="alert">
          <strong>{state.error.message}</strong>
          {state.error.hint && <div>{state.error.hint}</div>}
          {detail?.excerpt && <pre>{detail.excerpt}</pre>}
        </div>
      )}
    </div>
  );
}
