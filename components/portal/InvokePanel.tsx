'use client';

import { useEffect, useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import { INVOKE_METHODS } from '@/lib/portal/limits';
import { ErrorBox } from './ErrorBox';
import { HeaderRows, type HeaderRow } from './HeaderRows';
import { errorView, portalApi, type InvokeResult, type PortalFunction } from './portal-client';
import { ResponseView } from './ResponseView';

type Method = (typeof INVOKE_METHODS)[number];
const CONTENT_TYPES = ['text/plain', 'application/json', 'text/html', 'application/x-www-form-urlencoded'];

/**
 * OpenFaaS UI's Invoke box, with what curl would let you set: method, query string, headers,
 * content type and body. Sends through the participant's gateway (/function/<name>) and shows
 * the answer. Ctrl+Enter in the body invokes.
 */
export function InvokePanel({ fn, onInvoked }: { fn: PortalFunction; onInvoked: () => void }) {
  const [method, setMethod] = useState<Method>('POST');
  const [query, setQuery] = useState('');
  const [contentType, setContentType] = useState('text/plain');
  const [headers, setHeaders] = useState<HeaderRow[]>([]);
  const [body, setBody] = useState('');
  const [result, setResult] = useState<InvokeResult | null>(null);
  const [error, setError] = useState<ErrorView | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => { setResult(null); setError(null); }, [fn.name]);

  const invoke = async () => {
    setSending(true);
    setError(null);
    try {
      setResult(await portalApi.invoke(fn.name, { method, query, contentType, body, headers: headers.filter((h) => h.name.trim() || h.value).map(({ name, value }) => ({ name, value })) }));
      onInvoked();
    } catch (err) {
      setResult(null);
      setError(errorView(err));
    } finally {
      setSending(false);
    }
  };
  const noBody = method === 'GET';
  return (
    <section className="invoke" aria-labelledby="invoke-title">
      <h3 id="invoke-title">Invoke <code>{fn.name}</code></h3>
      {fn.status !== 'Ready' && (
        <p className="note">{fn.status === 'Not Ready' ? 'Not Ready yet: wait until its status shows Ready.' : 'Scaled to zero: the first call starts a replica, so it takes a little longer.'}</p>
      )}
      <form onSubmit={(e) => { e.preventDefault(); void invoke(); }}>
        <div className="request-line">
          <label className="visually-hidden" htmlFor="invoke-method">Method</label>
          <select id="invoke-method" value={method} onChange={(e) => setMethod(e.target.value as Method)}>
            {INVOKE_METHODS.map((m) => <option key={m}>{m}</option>)}
          </select>
          <code className="path">/function/{fn.name}?</code>
          <label className="visually-hidden" htmlFor="invoke-query">Query string</label>
          <input id="invoke-query" className="query" placeholder="query string, e.g. name=Alex" value={query} onChange={(e) => setQuery(e.target.value)} spellCheck={false} />
        </div>
        <details className="more">
          <summary>Content type and headers{headers.length ? ` (${headers.length})` : ''}</summary>
          <label className="field">Content type
            <input list="portal-content-types" value={contentType} onChange={(e) => setContentType(e.target.value)} disabled={noBody} spellCheck={false} />
            <datalist id="portal-content-types">{CONTENT_TYPES.map((t) => <option key={t} value={t} />)}</datalist>
          </label>
          <HeaderRows rows={headers} onChange={setHeaders} />
        </details>
        <label className="field">Request body{noBody && <span className="muted small"> (a GET sends none)</span>}
          <textarea value={body} rows={4} disabled={noBody} placeholder="Text for the function, e.g. Hello OpenFaaS" spellCheck={false}
            onChange={(e) => setBody(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void invoke(); } }} />
        </label>
        <div className="submit-row">
          <button type="submit" disabled={sending}>{sending ? 'Invoking…' : 'Invoke'}</button>
          <span className="muted small">Ctrl+Enter in the body also invokes. In the terminal: faas-cli invoke {fn.name}</span>
        </div>
      </form>
      {error && <ErrorBox error={error} />}
      {result && <ResponseView result={result} />}
    </section>
  );
}
