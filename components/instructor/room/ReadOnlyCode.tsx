'use client';

import Editor from '@monaco-editor/react';
import { languageOf } from '@/components/editor/language';
import '@/components/editor/monaco-setup';

/**
 * A member's file in the workbench's Monaco (served from this site, see monaco-setup.ts), read-only:
 * the instructor can scroll, select, copy and search, and typing shows Monaco's read-only message
 * instead of changing anything (there is no route to save through either).
 */
export default function ReadOnlyCode({ path, content }: { path: string; content: string }) {
  return (
    <Editor
      value={content}
      language={languageOf(path)}
      loading={<div className="muted pad">Loading the viewer…</div>}
      options={{
        readOnly: true, readOnlyMessage: { value: 'Read-only: these are the participant\'s files. To change something, watch their terminal and take over.' },
        minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, automaticLayout: true, renderValidationDecorations: 'off',
      }}
    />
  );
}
