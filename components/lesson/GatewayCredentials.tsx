'use client';

import { useEffect, useState } from 'react';
import { myGateway, type MyGateway } from '@/app/actions/gateway';
import { LessonCode } from './LessonCode';

/** Lab 1: the participant's personal gateway URL, credentials and builder secret, and the commands that use them on a laptop. */
export function GatewayCredentials() {
  const [gw, setGw] = useState<MyGateway | null>(null);
  useEffect(() => { void myGateway().then(setGw); }, []);
  if (!gw) return <aside className="callout" role="status">Preparing your stack (a few seconds the first time)…</aside>;
  if ('error' in gw) return <aside className="callout warning" role="alert">{gw.error.message} {gw.error.hint}</aside>;
  return (
    <section className="callout" aria-label="Your gateway" style={{ overflowWrap: "anywhere" }}>
      <p>
        <strong>Your gateway URL:</strong> <code data-testid="gateway-url">{gw.url}</code><br />
        <strong>Username:</strong> <code>{gw.user}</code> · <strong>Password:</strong> <code data-testid="gateway-password">{gw.password}</code><br />
        <strong>Builder payload secret:</strong> <code data-testid="payload-secret">{gw.payloadSecret}</code>
      </p>
      <p>On your laptop:</p>
      <div data-testid="laptop-commands"><LessonCode language="sh" code={[
        `export OPENFAAS_URL=${gw.url}`,
        `echo -n '${gw.password}' | faas-cli login --username ${gw.user} --password-stdin`,
        `echo -n '${gw.payloadSecret}' > payload-secret.txt`,
        `faas-cli up --remote-builder $OPENFAAS_URL --payload-secret payload-secret.txt`,
      ].join('\n')} /></div>
      <p className="muted">The same gateway also answers at <code data-testid="gateway-path-url">{gw.pathUrl}</code> (all commands but <code>invoke</code> and remote builds).</p>
    </section>
  );
}
