'use client';

export type HeaderRow = { id: number; name: string; value: string };

/** The invoke panel's request headers, one row each (name, value, remove), and a button to add one. */
export function HeaderRows({ rows, onChange }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void }) {
  const set = (id: number, patch: Partial<HeaderRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <fieldset className="headers">
      <legend>Headers</legend>
      {rows.map((r, i) => (
        <div className="header-row" key={r.id}>
          <input aria-label={`Header ${i + 1} name`} placeholder="X-Name" value={r.name} onChange={(e) => set(r.id, { name: e.target.value })} spellCheck={false} />
          <input aria-label={`Header ${i + 1} value`} placeholder="value" value={r.value} onChange={(e) => set(r.id, { value: e.target.value })} spellCheck={false} />
          <button type="button" className="secondary" aria-label={`Remove header ${i + 1}`} onClick={() => onChange(rows.filter((x) => x.id !== r.id))}>×</button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...rows, { id: Date.now(), name: '', value: '' }])}>Add header</button>
    </fieldset>
  );
}
