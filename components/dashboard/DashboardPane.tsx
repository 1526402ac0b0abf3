'use client';

import { useRef, useState } from 'react';
import type { PanelData } from '@/lib/metrics/dashboard';
import { WINDOWS } from '@/lib/metrics/panels';
import { EmptyState, NoSandbox } from './EmptyState';
import TimeChart from './TimeChart';
import { useDashboard } from './useDashboard';
import './dashboard.css';

/** What each panel says when it has no series, and what it shows (the workshop's words). */
const BLURB: Record<PanelData['panel'], { empty: string; about: string }> = {
  invocations: { about: 'Calls per second to each function, by HTTP status code.', empty: 'No calls in this window.' },
  count: { about: 'Calls counted by your gateway since it started.', empty: 'No calls counted yet.' },
  duration: { about: 'How long calls took: half were faster than p50, 95 % faster than p95.', empty: 'No calls in this window, so no durations.' },
  replicas: { about: 'Running copies (replicas) of each function; 0 after it is scaled to zero.', empty: 'No functions deployed yet.' },
};

/** The Dashboard tab of the workbench (Lab 2): live charts of the participant's own functions. */
export default function DashboardPane() {
  const [windowMinutes, setWindow] = useState<number>(15);
  const pane = useRef<HTMLDivElement>(null);
  const { data, error, updatedAt } = useDashboard(windowMinutes, pane);
  const panels = data?.sandbox ? data.panels : [];
  const functions = [...new Set(panels.flatMap((p) => p.series.map((s) => s.name.split(' ')[0])))].sort();
  const noCalls = data?.sandbox === true && !panels.find((p) => p.panel === 'count')?.series.some((s) => s.values.some((v) => v !== null && v > 0));

  return (
    <div className="dashboard" ref={pane}>
      <div className="dashboard-bar">
        <h2>Your functions</h2>
        <div role="group" aria-label="Time window" className="windows">
          {WINDOWS.map((w) => (
            <button key={w} type="button" aria-pressed={w === windowMinutes} onClick={() => setWindow(w)}>{w} min</button>
          ))}
        </div>
        <span className="live muted" aria-live="off">
          {error ? 'retrying…' : updatedAt ? `live · ${new Date(updatedAt).toLocaleTimeString()}` : 'loading…'}
        </span>
      </div>
      {error && (
        <div className="banner error" role="alert">{error.message}{error.hint && <span className="muted"> {error.hint}</span>}</div>
      )}
      {data && !data.sandbox && <NoSandbox />}
      {noCalls && <EmptyState />}
      {data?.sandbox && (
        <div className="panels">
          {panels.map((p) => (
            <section key={p.panel} className="panel" aria-label={p.title} data-panel={p.panel}>
              <h3>{p.title} <span className="unit">({p.unit})</span></h3>
              <p className="about muted">{BLURB[p.panel].about}</p>
              {p.series.length
                ? <TimeChart unit={p.unit} times={data.times} series={p.series} functions={functions} />
                : <p className="no-series muted">{BLURB[p.panel].empty}</p>}
            </section>
          ))}
        </div>
      )}
      <p className="footnote muted">
        Prometheus reads your gateway&apos;s <code>/metrics</code> every 15 s (Lab 2&apos;s Grafana dashboard shows the same
        series); a call shows up here within about 20 s.
      </p>
    </div>
  );
}
