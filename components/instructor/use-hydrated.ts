'use client';

import { useEffect, useState } from 'react';

/**
 * False in the server's HTML, true once React runs in the browser: a form's submit button stays
 * disabled until then, since a press before its handler is attached would submit the form the
 * browser's way — a GET with the fields (a password too) in the address — and lose what was typed.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
