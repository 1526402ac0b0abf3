'use client';

import { useEffect, useState } from 'react';
import { myGateway, type MyGateway } from '@/app/actions/gateway';

/** Lab 1: the participant's personal gateway URL and credentials, and the login command. */
export function GatewayCredentials() {
  const [gw, setGw] = useState<MyGateway | null>(null);
  useEffect(() => { void myGateway().then(setGw); }, []);
  if (!gw) return <aside className="callout" role="status">Preparing your stack (a few seconds the first time)…</aside>;
  if ('error' in gw) return <aside className="callout warning" role="alert">{gw.error.message} {gw.error.hint}</aside>;
  return (
    <section className="callout" aria-label="Your gateway">
      <p><strong>Your gateway URL:</strong> <code data-testid="gateway-url">{gw.url}</code><br />
        <strong>Username:</strong> <code>{gw.user}</code> · <strong>Password:</strong> <code data-testid="gateway-password">{gw.password}</code></p>
      <pre><code>{`export OPENFAAS_URL=${gw.url}\necho -n '${gw.password}' | faas-cli login --username ${gw.user} --password-stdin`}</code></pre>
    </section>
  );
}
