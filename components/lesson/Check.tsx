'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { StepCheck } from '@/lib/lessons/check-schema';
import { copyText } from './copy-text';
import { recordedChecks, type RecordedCheck } from './recorded-checks';
import { requestCheck } from './request-check';
import './lesson-code.css';

export type CheckProps = Pick<StepCheck, 'id' | 'title' | 'hint' | 'script' | 'state'> & { lab: string; step: string };

type Outcome = { ok: boolean; text: string; output?: string; hint?: string };

/** What the participant recorded before, in words; null when there is nothing to say. */
function recordedOutcome(r: RecordedCheck | undefined): Outcome | null {
  if (!r?.passed) return null;
  const when = new Date(r.at).toLocaleString();
  if (r.redo) return { ok: false, text: 'Passed before your sandbox was reset — check again', hint: `It passed on ${when}; what it checks lived in the sandbox you had then.` };
  return { ok: true, text: `Passed on ${when}` };
}

/**
 * A check of the step, placed in the page with <Check id="…" /> (its title, hint and script come
 * from the step's checks.yaml through the compile): the title, a Check button that asks the
 * server to run it in the participant's sandbox, and what it found, with the hint when it failed.
 * What was recorded before is shown until the participant checks again.
 */
export function Check({ id, title, hint, script, state, lab, step }: CheckProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [recorded, setRecorded] = useState<Outcome | null>(null);

  useEffect(() => {
    let live = true;
    recordedChecks(lab, step).then((all) => { if (live) setRecorded(recordedOutcome(all[id])); });
    return () => { live = false; };
  }, [lab, step, id]);

  async function run() {
    setBusy(true);
    setOutcome(null);
    try {
      const r = await requestCheck(lab, step, id);
      if ('error' in r) setOutcome({ ok: false, text: r.error.message, hint: r.error.hint });
      else if (r.passed) {
        setOutcome({ ok: true, text: 'Passed', output: r.output || undefined });
        router.refresh(); // the step list and the lab's progress (server-rendered) show the pass now, not on the next page
      }
      else setOutcome({ ok: false, text: 'Not yet', output: r.output || undefined, hint: r.hint ?? hint });
    } finally {
      setBusy(false);
    }
  }

  const shown = outcome ?? recorded;
  const where = state === 'workspace' ? 'your files' : 'your sandbox';
  return (
    <div className="lesson-code lesson-check" data-action="check" data-check={id}>
      <div className="lesson-code__bar">
        <span className="lesson-check__title">{title}</span>
        <button type="button" className="lesson-code__run" title={`Runs this check in ${where} and tells you whether it passed`} disabled={busy} onClick={run}>
          {busy ? 'Checking…' : 'Check'}
        </button>
      </div>
      <details className="lesson-code__script">
        <summary>What the check runs</summary>
        <pre className="lesson-code__pre"><code data-language="sh">{script}</code></pre>
        <button type="button" className="lesson-code__copy" title="Copies this text to the clipboard" onClick={() => copyText(script)}>Copy</button>
      </details>
      <div role="status" className="lesson-code__result" data-ok={shown ? String(shown.ok) : undefined} data-recorded={!outcome && recorded ? 'true' : undefined}>
        {shown && (
          <>
            <strong>{shown.ok ? '✓' : '✗'} {shown.text}</strong>
            {shown.output && <pre className="lesson-code__output">{shown.output}</pre>}
            {shown.hint && <span className="lesson-code__hint">{shown.hint}</span>}
          </>
        )}
      </div>
    </div>
  );
}
