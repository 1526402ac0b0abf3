'use client';

import type { MemberTerminals } from '@/lib/room/member-terminals';

/**
 * Which of the member's terminals to watch: those open in their shell now, the one they used
 * last marked; the one being watched stays listed after they close it (marked closed).
 */
export function TerminalPicker({ list, value, onChange }: { list: MemberTerminals | null; value: string; onChange: (name: string) => void }) {
  const names = new Set(list?.terminals.map((t) => t.name) ?? []);
  const options = [...names, ...(names.has(value) ? [] : [value])].sort();
  const label = (n: string) => `Terminal ${n}${!names.has(n) && list ? ' (not open)' : ''}${list?.latest === n && names.has(n) ? ' · used last' : ''}`;
  return (
    <label className="terminal-picker">
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label="Which terminal" data-testid="terminal-picker">
        {options.map((n) => <option key={n} value={n}>{label(n)}</option>)}
      </select>
    </label>
  );
}
