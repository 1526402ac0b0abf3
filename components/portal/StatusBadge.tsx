'use client';

import type { PortalFunction } from './portal-client';

const TITLE: Record<PortalFunction['status'], string> = {
  Ready: 'At least one replica is running: you can invoke it.',
  'Not Ready': 'Its container is starting (or failing to start); you cannot invoke it until it is Ready.',
  'Scaled to zero': 'No replica runs now; the next invocation starts one (the first call takes a little longer).',
};

/** OpenFaaS UI's Status column, with what it means on hover. */
export function StatusBadge({ status }: { status: PortalFunction['status'] }) {
  const kind = status === 'Ready' ? 'ok' : status === 'Not Ready' ? 'wait' : 'idle';
  return <span className={`badge ${kind}`} title={TITLE[status]}>{status}</span>;
}
