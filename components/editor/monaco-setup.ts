'use client';

import { loader } from '@monaco-editor/react';
import { monaco } from './monaco-slim';

// Serve Monaco from our own bundle instead of @monaco-editor/react's default CDN: the
// platform must work in a room without internet. This module is only in the editor's chunk,
// loaded when the Editor tab first opens.
self.MonacoEnvironment = {
  getWorker: () => new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module' }),
};
loader.config({ monaco });

export { monaco };
