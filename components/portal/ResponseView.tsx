'use client';

import { useState } from 'react';
import type { InvokeResult } from './portal-client';

// No script, no request of any kind: the preview only lays out the function's HTML.
const PREVIEW_CSP = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">';

/**
 * A function's answer: status, duration, body as text (never rendered as HTML in the page) and
 * headers; HTML can be previewed in a sandboxed iframe that runs no script and loads nothing.
 */
export function ResponseView({ result }: { result: InvokeResult }) {
  const [preview, setPreview] = useState(false);
  const html = /^text\/html\b/i.test(result.contentType);
  const kind = result.status < 300 ? 'ok' : result.status < 500 ? 'warn' : 'bad';
  return (
    <section className="response" aria-label="Response" aria-live="polite">
      <div className="response-bar">
        <span className={`badge ${kind}`} data-testid="response-status">{result.status} {result.statusText}</span>
        <span data-testid="response-duration">{result.durationMs} ms</span>
        {result.contentType && <code className="muted">{result.contentType}</code>}
        {html && <label className="preview-toggle"><input type="checkbox" checked={preview} onChange={(e) => setPreview(e.target.checked)} /> Preview HTML</label>}
      </div>
      {result.note && <p className="note">{result.note}</p>}
      {preview && html
        ? <iframe className="html-preview" title="HTML preview (scripts off)" sandbox="" srcDoc={PREVIEW_CSP + result.body} />
        : <pre className="response-body" data-testid="response-body" tabIndex={0}>{result.body || <span className="muted">(empty body)</span>}</pre>}
      {result.truncated && <p className="muted small">The answer was longer than the portal shows; only its start is here. Use curl in the terminal for all of it.</p>}
      <details>
        <summary>Response headers ({result.headers.length})</summary>
        <dl className="resp-headers">
          {result.headers.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
        </dl>
      </details>
    </section>
  );
}
