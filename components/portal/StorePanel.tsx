'use client';

import { useEffect, useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import { ErrorBox } from './ErrorBox';
import { errorView, portalApi, type PortalStoreItem } from './portal-client';

type Props = { onDeployed: (name: string) => void; onClose: () => void };

/**
 * OpenFaaS UI's Deploy New Function → From Store: pick a function of the offline store, deploy
 * it as `faas-cli store deploy <name>` does, optionally under another name (--name).
 */
export function StorePanel({ onDeployed, onClose }: Props) {
  const [items, setItems] = useState<PortalStoreItem[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorView | null>(null);
  const [deploying, setDeploying] = useState(false);
  useEffect(() => {
    portalApi.store().then((r) => setItems(r.items), (err) => setError(errorView(err)));
  }, []);

  const deploy = async () => {
    if (!chosen) return setError({ code: 'invalid', message: 'Choose a function from the list first.' });
    setDeploying(true);
    setError(null);
    try {
      onDeployed((await portalApi.deploy(chosen, name.trim() || undefined)).name);
    } catch (err) {
      setError(errorView(err));
    } finally {
      setDeploying(false);
    }
  };
  return (
    <section className="store" aria-labelledby="store-title" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="store-head">
        <h3 id="store-title">Deploy a function from the store</h3>
        <button type="button" className="secondary" onClick={onClose}>Close</button>
      </div>
      {!items && !error && <p className="muted">Loading the store…</p>}
      {items && (
        <form onSubmit={(e) => { e.preventDefault(); void deploy(); }}>
          <fieldset className="store-list">
            <legend className="visually-hidden">Store functions</legend>
            {items.map((item) => (
              <label key={item.name} className={`store-item${chosen === item.name ? ' chosen' : ''}${item.available ? '' : ' unavailable'}`}>
                <input type="radio" name="store-fn" value={item.name} checked={chosen === item.name} disabled={!item.available} onChange={() => setChosen(item.name)} />
                <span className="title">{item.title}{item.title !== item.name && <code className="muted"> {item.name}</code>}</span>
                <span className="desc">{item.description}{!item.available && ' (not built on this machine; ask your instructor)'}</span>
              </label>
            ))}
          </fieldset>
          <div className="submit-row">
            <label className="field inline-field">Name <span className="muted small">(optional)</span>
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder={chosen ?? 'as in the store'} spellCheck={false} maxLength={63} />
            </label>
            <button type="submit" disabled={deploying || !chosen}>{deploying ? 'Deploying…' : 'Deploy'}</button>
          </div>
          <p className="muted small">The same as <code>faas-cli store deploy {chosen ?? '<name>'}{name.trim() ? ` --name ${name.trim()}` : ''}</code> in the terminal.</p>
        </form>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
