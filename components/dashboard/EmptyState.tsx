'use client';

import { useEffect, useState } from 'react';
import { copyText } from '@/components/lesson/copy-text';

const LOOP = 'for i in $(seq 1 50); do echo hi | faas-cli invoke figlet; done';

/** No calls yet: what a newcomer types to see the charts move. */
export function EmptyState() {
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const t = setTimeout(() => setCopied(null), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <aside className="callout dashboard-empty" role="note">
      <strong>No invocations yet.</strong> Invoke a function and watch the charts fill in. For example, deploy figlet from the
      store (<code>faas-cli store deploy figlet</code>), then run this in the Terminal tab:
      <pre><code>{LOOP}</code></pre>
      <button type="button" className="copy" title="Copies the loop to the clipboard" onClick={async () => setCopied(await copyText(LOOP))}>
        {copied === null ? 'Copy' : copied ? 'Copied' : 'Copy failed'}
      </button>
    </aside>
  );
}

/** The participant has no sandbox yet, so nothing can be measured. */
export function NoSandbox() {
  return (
    <aside className="callout dashboard-empty" role="note">
      <strong>Your sandbox is not running yet.</strong> Open the Terminal tab (it starts your sandbox), deploy a function, for
      example <code>faas-cli store deploy figlet</code>, and invoke it: its calls appear here.
    </aside>
  );
}
