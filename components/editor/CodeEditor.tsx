'use client';

import dynamic from 'next/dynamic';

export type CodeEditorProps = { path: string; language: string; value: string; onChange: (value: string) => void };

/** Monaco, loaded only in the browser (it touches window at import time). */
export const CodeEditor = dynamic<CodeEditorProps>(() => import('./MonacoEditor').then((m) => m.MonacoEditor), {
  ssr: false,
  loading: () => <div className="muted" style={{ padding: '.8rem' }}>Loading editor…</div>,
});
