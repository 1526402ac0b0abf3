'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { dispatchAction } from '@/components/workbench/bus';
import type { LessonAction } from '@/lib/lessons/action-types';
import { describeAction } from '@/lib/lessons/describe';
import { copyText } from './copy-text';
import './lesson-code.css';

export type LessonCodeProps = {
  language: string;
  code: string;
  /** The block's action as JSON (lib/lessons/remark-lesson-code.ts), absent for plain code. */
  action?: string;
};

type Outcome = { ok: boolean; text: string };

const FLASH_MS = 900;

/** What the bar names: the file, the terminal, or the language. */
function caption(a: LessonAction | null, language: string): string {
  if (!a) return language;
  switch (a.kind) {
    case 'terminal:execute': return `Terminal ${a.terminal}`;
    case 'workbench:tab': return 'Workbench';
    case 'check': return 'Check your work';
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
 * action, a button that carries it out through the workbench bus
 * and says how it went beside the block.
 */
export function LessonCode({ language, code, action: json }: LessonCodeProps) {
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
      const r = await dispatchAction(a);
      setOutcome(r.ok ? { ok: true, text: r.message ?? 'Done' } : { ok: false, text: r.message });
    } finally {
      setBusy(false);
    }
  }

  const button = action && describeAction(action);
  return (
    <div className="lesson-code" data-action={action?.kind} data-flash={flash || undefined}>
      <div className="lesson-code__bar">
        <span className="lesson-code__caption">{caption(action, language)}</span>
        {action && button && (
          <button type="button" className="lesson-code__run" title={button.title} disabled={busy} onClick={() => run(action)}>
            {button.label}
          </button>
        )}
        {code && <CopyButton text={code} />}
      </div>
      {code && <pre className="lesson-code__pre"><code data-language={language || undefined}>{code}</code></pre>}
      <div role="status" className="lesson-code__result" data-ok={outcome ? String(outcome.ok) : undefined}>
        {outcome && (
          <>
            <strong>{outcome.ok ? '✓' : '✗'} {outcome.text}</strong>
          </>
        )}
      </div>
    </div>
  );
}
