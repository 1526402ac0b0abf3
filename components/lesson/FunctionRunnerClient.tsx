'use client';

import { useRef, useState } from 'react';
import { startRun } from '@/app/actions/run';
import { CodeEditor } from '@/components/editor/CodeEditor';
import { RunOutput } from './RunOutput';
import { useJobEvents } from './useJobEvents';

type Props = { fn: string; lang: string; file: string; initialContent: string; initialInput: string };

/** Editor on <fn>/<file>, a Run button, and the streamed build log and function output. */
export function FunctionRunnerClient({ fn, lang, file, initialContent, initialInput }: Props) {
  const content = useRef(initialContent);
  const [input, setInput] = useState(initialInput);
  const job = useJobEvents();

  async function run() {
    job.reset();
    const res = await startRun({ fn, lang, file, content: content.current, input });
    if ('error' in res) job.fail(res.error);
    else job.follow(res.jobId);
  }

  return (
    <section className="runner" aria-label={`Function ${fn}`}>
      <div className="bar">
        <span className="file">{fn}/{file}</span>
        <label>Request body <input type="text" value={input} onChange={(e) => setInput(e.target.value)} aria-label="Request body" /></label>
        <button type="button" onClick={run} disabled={job.running}>{job.running ? 'Running…' : 'Run'}</button>
      </div>
      <div className="editor">
        <CodeEditor path={`${fn}/${file}`} language={lang.startsWith('python') ? 'python' : lang.startsWith('node') ? 'javascript' : 'plaintext'}
          value={initialContent} onChange={(v) => { content.current = v; }} />
      </div>
      <RunOutput state={job} />
    </section>
  );
}
