'use client';

import { useRouter } from 'next/navigation';
import { normaliseCode } from '@/lib/workshops/join-code';
import '@/components/instructor/instructor.css';

/** Type the code the instructor shows → that session's join page. */
export function CodeForm({ initial = '' }: { initial?: string }) {
  const router = useRouter();
  return (
    <form className="card form" onSubmit={(e) => {
      e.preventDefault();
      const code = normaliseCode(String(new FormData(e.currentTarget).get('code') ?? ''));
      if (code) router.push(`/join/${encodeURIComponent(code)}`);
    }}>
      <label>Join code <span className="muted">6 letters and digits, from your instructor</span>
        <input name="code" defaultValue={initial} required maxLength={40} autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="K7M Q2X" className="code-input" autoFocus />
      </label>
      <button type="submit">Next</button>
    </form>
  );
}
