'use client';

import { useEffect, useState } from 'react';

/** True on a narrow screen (a phone, a half-width window): the panes stack instead of sitting side by side. */
export function useNarrow(query = '(max-width: 900px)'): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const m = matchMedia(query);
    setNarrow(m.matches);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return narrow;
}
