'use client';

import { useState } from 'react';
import { copyText } from '@/components/lesson/copy-text';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button type="button" className="copy" aria-label={label} onClick={async () => { setCopied(await copyText(text)); setTimeout(() => setCopied(false), 1500); }}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
