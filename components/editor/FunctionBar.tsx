'use client';

import { useState } from 'react';
import { invokeDeployed, startDeploy, type Invoked } from '@/app/actions/editor';
import { RunOutput } from '@/components/lesson/RunOutput';
import { useJobEvents } from '@/components/lesson/useJobEvents';
import type { StackFunction } from './stack-functions';

/**
 * Deploy and Invoke for the function whose folder the open file is in: Deploy runs
 * `faas-cli up -f <stack> --filter <name>` in the participant's shell (the same command as in
 * the terminal), after saving; Invoke calls it through their gateway.
 */
export function FunctionBar({ fn, saveAll }: { fn: StackFunction; saveAll: () => Promise<boolean> }) {
  const job = useJobEvents();
  const [input, setInput] = useState('');
  const [invoked, setInvoked] = useState<Invoked | null>(null);
  const [calling, setCalling] = useState(false);

  const deploy = async () => {
    setInvoked(null);
    if (!(await saveAll())) { job.fail({ code: 'conflict', message: 'Not deployed: a file could not be saved.', hint: 'Resolve the message above the editor, then press Deploy again.' }); return; }
    job.reset();
    const r = await startDeploy({ stackFile: fn.stackFile, fn: fn.name });
    if ('error' in r) job.fail(r.error); else job.follow(r.jobId);
  };
  const invoke = async () => {
    setCalling(true);
    setInvoked(await invokeDeployed({ fn: fn.name, input }));
    setCalling(false);
  };
  return (
    <section className="function-bar" aria-label={`Function ${fn.name}`}>
      <div className="bar">
        <span>Function <strong>{fn.name}</strong> <span className="muted">from {fn.stackFile}</span></span>
        <button type="button" onClick={deploy} disabled={job.running} title={`Save, then run: faas-cli up -f ${fn.stackFile.split('/').pop()} --filter ${fn.name}`}>{job.running ? 'Deploying…' : 'Deploy'}</button>
        <input type="text" aria-label="Request body" placeholder="request body (optional)" value={input} onChange={(e) => setInput(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void invoke(); }} />
        <button type="button" onClick={invoke} disabled={calling} title={`POST the request body to /function/${fn.name} on your gateway`}>{calling ? 'Invoking…' : 'Invoke'}</button>
      </div>
      <div className="runner"><RunOutput state={job} /></div>
      {invoked && ('error' in invoked
        ? <div className="output error" role="alert"><strong>{invoked.error.message}</strong>{invoked.error.hint && <div>{invoked.error.hint}</div>}</div>
        : <div className="output" aria-label="Function output">
            <strong>HTTP {invoked.status}</strong><span className="muted"> · {invoked.ms} ms</span>
            <pre data-testid="invoke-output">{invoked.body}</pre>
            {!invoked.body.trim() && <div className="muted">(the function answered with an empty body)</div>}
          </div>)}
    </section>
  );
}
