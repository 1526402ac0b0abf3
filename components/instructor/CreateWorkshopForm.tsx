'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import { displayCode } from '@/lib/workshops/join-code';
import type { Workshop } from '@/lib/workshops/workshops';
import { FormError } from './FormError';
import { postJson } from './post-json';

/** A datetime-local input's value for a time, in the browser's zone. */
const localInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};
/** The input's local time as ISO 8601 with an offset, which the server reads without guessing a zone. */
const toIso = (local: string) => {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
};

/** A new workshop session: what participants will do, how many, when. */
export function CreateWorkshopForm({ labs }: { labs: { slug: string; title: string }[] }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<ErrorView | null>(null);
  const [created, setCreated] = useState<Workshop | null>(null);
  const [busy, setBusy] = useState(false);

  // Start now, end in three hours: filled in the browser, which knows its time zone.
  const fillTimes = () => {
    const el = form.current?.elements;
    if (!el) return;
    const start = Math.ceil(Date.now() / 300_000) * 300_000 - 300_000;
    (el.namedItem('startsAt') as HTMLInputElement).value = localInput(start);
    (el.namedItem('endsAt') as HTMLInputElement).value = localInput(start + 3 * 3600_000);
  };
  useEffect(fillTimes, []);

  return (
    <form ref={form} className="card form" aria-labelledby="new-workshop" onSubmit={async (e) => {
      e.preventDefault();
      const data = new FormData(e.currentTarget);
      setBusy(true);
      const r = await postJson<{ workshop: Workshop }>('/api/instructor/workshops', {
        title: data.get('title'),
        labs: data.getAll('labs'),
        capacity: Number(data.get('capacity')),
        startsAt: toIso(String(data.get('startsAt'))),
        endsAt: toIso(String(data.get('endsAt'))),
        sandboxLifetimeMinutes: Number(data.get('sandboxLifetimeMinutes')),
        poolSize: Number(data.get('poolSize')),
      });
      setBusy(false);
      if (!r.ok) { setError(r.error); setCreated(null); return; }
      setError(null);
      setCreated(r.value.workshop);
      form.current?.reset();
      fillTimes();
      router.refresh();
    }}>
      <h2 id="new-workshop">New workshop session</h2>
      <label>Title <span className="muted">participants see it when they join</span>
        <input name="title" required maxLength={120} placeholder="e.g. OpenFaaS intro, room 2" />
      </label>
      <fieldset>
        <legend>Labs included</legend>
        {labs.map((l) => <label key={l.slug}><input type="checkbox" name="labs" value={l.slug} defaultChecked /> {l.title}</label>)}
        <span className="muted">Participants land on the first one ticked.</span>
      </fieldset>
      <div className="row">
        <label>Starts <input name="startsAt" type="datetime-local" required /></label>
        <label>Ends <span className="muted">nobody can join after</span><input name="endsAt" type="datetime-local" required /></label>
      </div>
      <div className="row">
        <label>Places <span className="muted">1–200</span><input name="capacity" type="number" min={1} max={200} defaultValue={40} required /></label>
        <label>Sandbox lifetime <span className="muted">minutes</span><input name="sandboxLifetimeMinutes" type="number" min={15} max={1440} defaultValue={180} required /></label>
        <label>Sandboxes to make ahead <span className="muted">made from an hour before the start</span><input name="poolSize" type="number" min={0} max={200} defaultValue={10} required /></label>
      </div>
      <FormError error={error} />
      {created && <p className="form-ok" role="status">Created “{created.title}”: its join code is <strong>{displayCode(created.joinCode)}</strong>, in the list with its link.</p>}
      <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create session'}</button>
    </form>
  );
}
