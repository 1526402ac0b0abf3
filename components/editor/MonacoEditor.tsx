'use client';

import Editor, { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import type { CodeEditorProps } from './CodeEditor';

// Serve Monaco from our own bundle instead of @monaco-editor/react's default CDN: the
// platform must work in a room without internet.
self.MonacoEnvironment = {
  getWorker: () => new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module' }),
};
loader.config({ monaco });

export function MonacoEditor({ path, language, value, onChange }: CodeEditorProps) {
  return (
    <Editor
      path={path}
      defaultLanguage={language}
      defaultValue={value}
      onChange={(v) => onChange(v ?? '')}
      options={{ minimap: { enabled: false }, fontSize: 14, scrollBeyondLastLine: false, automaticLayout: true, tabSize: 4 }}
    />
  );
}
