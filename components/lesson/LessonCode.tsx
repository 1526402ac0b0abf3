'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { dispatchAction } from '@/components/workbench/bus';
import type { LessonAction } from '@/lib/lessons/action-types';
import { describeAction } from '@/lib/lessons/describe';
import { copyText } from './copy-text';
import { requestCheck } from './request-check';
import './lesson-code.css';

export type LessonCodeProps = {
  language: string;
  code: string;
  /** The block's action as JSON (lib/lessons/remark-lesson-code.ts), absent for plain code. */
  action?: string;
  /** Slugs of the step the block is in, for its check. */
  lab: string;
  step: string;
};

type Outcome = { ok: boolean; text: string; output?: string; hint?: string };

const FLASH_MS = 900;

/** What the bar names: the file, the terminal, or the language. */
function caption(a: LessonAction | null, language: string): string {
  if (!a) return language;
  switch (a.kind) {
    case 'terminal:execute': return `Terminal ${a.terminal}`;
    case 'check': return 'Check your work';
    case 'workbench:tab': return 'Workbench';
    default: return a.file;
  }
}

export function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const t = setTimeout(() => setCopied(null), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <button type="button" className="lesson-code__copy" title="Copies this text to the clipboard" onClick={async () => setCopied(await copyText(text))}>
      {copied === null ? 'Copy' : copied ? 'Copied' : 'Copy failed'}
    </button>
  );
}

/**
 * One fenced code block of a lesson: the code with a Copy button and, when the block has an
 * action, a button that carries it out (through the workbench bus, or /api/checks for a check)
 * and says how it went beside the block.
 */
export function LessonCode({ language, code, action: json, lab, step }: LessonCodeProps) {
  const action = useMemo(() => (json ? (JSON.parse(json) as LessonAction) : null), [json]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [flash, setFlash] = useState(false);
  const flashTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(flashTimer.current), []);

  async function run(a: LessonAction) {
    setBusy(true);
    setOutcome(null);
    setFlash(true);
    clearTimeout(flashTimer.current);
    flashTimer.current = setTimeout(() => setFlash(false), FLASH_MS);
    try {
      if (a.kind === 'check') {
        const r = await requestCheck(lab, step, a.id);
        if ('error' in r) setOutcome({ ok: false, text: r.error.message, hint: r.error.hint });
        else if (r.passed) setOutcome({ ok: true, text: 'Passed', output: r.output || undefined });
        else setOutcome({ ok: false, text: 'Not yet', output: r.output || undefined, hint: 'Do what it says above, then press Check again.' });
      } else {
        const r = await dispatchAction(a);
        setOutcome(r.ok ? { ok: true, text: r.message ?? 'Done' } : { ok: false, text: r.message });
      }
    } finally {
      setBusy(false);
    }
  }

  const button = action && describeAction(action);
  const isCheck = action?.kind === 'check';
  return (
    <div className="lesson-code" data-action={action?.kind} data-flash={flash || undefined}>
      <div className="lesson-code__bar">
        <span className="lesson-code__caption">{caption(action, language)}</span>
        {action && button && (
          <button type="button" className="lesson-code__run" title={button.title} disabled={busy} onClick={() => run(action)}>
            {busy && isCheck ? 'Checking…' : button.label}
          </button>
        )}
        {code && !isCheck && <CopyButton text={code} />}
      </div>
      {code && !isCheck && <pre className="lesson-code__pre"><code data-language={language || undefined}>{code}</code></pre>}
      {code && isCheck && (
        <details className="lesson-code__script">
          <summary>What the check runs</summary>
          <pre className="lesson-code__pre"><code data-language={language || undefined}>{code}</code></pre>
          <CopyButton text={code} />
        </details>
      )}
      <div role="status" className="lesson-code__result" data-ok={outcome ? String(outcome.ok) : undefined}>
        {outcome && (
          <>
            <strong>{outcome.ok ? '✓' : '✗'} {outcome.text}</strong>
            {outcome.output && <pre className="lesson-code__output">{outcome.output}</pre>}
            {outcome.hint && <span className="lesson-code__hint">{outcome.hint}</span>}
          </>
        )}
      </div>
    </div>
  );
}
