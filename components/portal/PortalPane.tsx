'use client';

import { useEffect, useRef, useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import { ErrorBox } from './ErrorBox';
import { FunctionTable } from './FunctionTable';
import { InvokePanel } from './InvokePanel';
import { errorView, portalApi } from './portal-client';
import { StorePanel } from './StorePanel';
import { POLL_MS, useFunctions } from './useFunctions';
import { useVisible } from './useVisible';
import './portal.css';

/**
 * The Portal tab of the workbench (Lab 2): OpenFaaS's own UI for the participant's functions,
 * through their gateway's API — the list (live), invoke, deploy from the store, scale, delete.
 */
export default function PortalPane() {
  const root = useRef<HTMLDivElement>(null);
  const { functions, maxReplicas, error: listError, refresh } = useFunctions(useVisible(root));
  const [selected, setSelected] = useState<string | null>(null);
  const [storeOpen, setStoreOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ErrorView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  /** Run a change to one function; errors show above the table; resolves whether it worked. */
  const change = async (name: string, run: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(name);
    setError(null);
    try {
      await run();
      setNotice(done);
      refresh();
      return true;
    } catch (err) {
      setError(errorView(err));
      return false;
    } finally {
      setBusy(null);
    }
  };
  // a notice says what just happened; it goes away by itself once read
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(t);
  }, [notice]);
  const current = functions?.find((f) => f.name === selected) ?? null;

  return (
    <div className="portal" ref={root}>
      <div className="portal-bar">
        <h2>Functions</h2>
        <span className="muted small live" title={`The list is read from your gateway every ${POLL_MS / 1000} s while this tab is open.`}>live · every {POLL_MS / 1000} s</span>
        <button type="button" onClick={() => { setStoreOpen((o) => !o); setNotice(null); }} aria-expanded={storeOpen}>Deploy New Function</button>
      </div>
      {storeOpen && (
        <StorePanel onClose={() => setStoreOpen(false)} onDeployed={(name) => {
          setStoreOpen(false);
          setSelected(name);
          setNotice(`Deployed ${name}. It shows Not Ready until its container has started, usually a second or two.`);
          refresh();
        }} />
      )}
      {notice && <p className="portal-notice" role="status">{notice} <button type="button" className="link" aria-label="Dismiss" onClick={() => setNotice(null)}>×</button></p>}
      {error && <ErrorBox error={error} onClose={() => setError(null)} />}
      {listError && <ErrorBox error={{ ...listError, message: `The list could not be updated: ${listError.message}` }} />}
      {functions === null && !listError && <p className="muted">Loading your functions… (the first time, your sandbox starts: up to a minute)</p>}
      {functions?.length === 0 && (
        <div className="empty">
          <p><strong>No functions yet.</strong> Deploy one from the store (Deploy New Function → figlet), or with <code>faas-cli up</code> in the terminal.</p>
        </div>
      )}
      {functions && functions.length > 0 && (
        <FunctionTable functions={functions} selected={selected} maxReplicas={maxReplicas} busy={busy}
          onSelect={setSelected}
          onScale={(name, n) => change(name, () => portalApi.scale(name, n), `Scaled ${name} to ${n} replica${n === 1 ? '' : 's'}.`)}
          onDelete={(name) => change(name, () => portalApi.remove(name), `Deleted ${name}.`).then((ok) => { if (ok && selected === name) setSelected(null); return ok; })} />
      )}
      {current ? <InvokePanel fn={current} onInvoked={refresh} />
        : functions && functions.length > 0 && <p className="muted small">Choose a function (its name or Invoke) to call it.</p>}
    </div>
  );
}
