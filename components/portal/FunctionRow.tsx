'use client';

import { useState } from 'react';
import { StatusBadge } from './StatusBadge';
import type { PortalFunction } from './portal-client';

type Props = {
  fn: PortalFunction;
  selected: boolean;
  maxReplicas: number;
  busy: boolean;
  onSelect: () => void;
  onScale: (replicas: number) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
};

/** One function in the table: its columns, and Invoke, Scale and Delete (asked twice) beside them. */
export function FunctionRow({ fn, selected, maxReplicas, busy, onSelect, onScale, onDelete }: Props) {
  const [mode, setMode] = useState<'idle' | 'scale' | 'delete'>('idle');
  const [replicas, setReplicas] = useState(String(fn.replicas));
  const openScale = () => { setReplicas(String(fn.replicas)); setMode('scale'); };
  const scale = async () => { if (await onScale(Number(replicas))) setMode('idle'); };
  return (
    <tr className={selected ? 'selected' : undefined} data-function={fn.name}>
      <td data-label="Name"><button type="button" className="fn-name" aria-pressed={selected} onClick={onSelect} title="Show the invoke panel for this function">{fn.name}</button></td>
      <td data-label="Status"><StatusBadge status={fn.status} /></td>
      <td data-label="Replicas" className="num" title="running / wanted">{fn.availableReplicas} / {fn.replicas}</td>
      <td data-label="Invocations" className="num">{fn.invocationCount}</td>
      <td data-label="Image" className="image"><code title={fn.image}>{fn.image}</code></td>
      <td data-label="Actions" className="actions">
        {mode === 'idle' && (
          <>
            <button type="button" onClick={onSelect}>Invoke</button>
            <button type="button" className="secondary" onClick={openScale} disabled={busy}>Scale</button>
            <button type="button" className="secondary danger" onClick={() => setMode('delete')} disabled={busy}>Delete</button>
          </>
        )}
        {mode === 'scale' && (
          <form className="inline" onSubmit={(e) => { e.preventDefault(); void scale(); }} onKeyDown={(e) => { if (e.key === 'Escape') setMode('idle'); }}>
            <label>Replicas <input type="number" min={0} max={maxReplicas} step={1} required value={replicas} onChange={(e) => setReplicas(e.target.value)} autoFocus aria-describedby={`scale-help-${fn.name}`} /></label>
            <button type="submit" disabled={busy}>Set</button>
            <button type="button" className="secondary" onClick={() => setMode('idle')}>Cancel</button>
            <span id={`scale-help-${fn.name}`} className="muted small" title="0 stops it; the next call starts one again">0–{maxReplicas}</span>
          </form>
        )}
        {mode === 'delete' && (
          <span className="inline" role="group" aria-label={`Delete ${fn.name}?`} onKeyDown={(e) => { if (e.key === 'Escape') setMode('idle'); }}>
            <span>Delete {fn.name}?</span>
            <button type="button" className="danger" onClick={() => void onDelete().then((ok) => { if (!ok) setMode('idle'); })} disabled={busy} autoFocus>Delete</button>
            <button type="button" className="secondary" onClick={() => setMode('idle')}>Cancel</button>
          </span>
        )}
      </td>
    </tr>
  );
}
