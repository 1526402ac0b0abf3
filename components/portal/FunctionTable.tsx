'use client';

import { FunctionRow } from './FunctionRow';
import type { PortalFunction } from './portal-client';

type Props = {
  functions: PortalFunction[];
  selected: string | null;
  maxReplicas: number;
  busy: string | null;
  onSelect: (name: string) => void;
  onScale: (name: string, replicas: number) => Promise<boolean>;
  onDelete: (name: string) => Promise<boolean>;
};

/** The function list of OpenFaaS's UI as a compact table (stacked cards on a narrow screen, see portal.css). */
export function FunctionTable({ functions, selected, maxReplicas, busy, onSelect, onScale, onDelete }: Props) {
  return (
    <table className="fn-table" aria-label="Your functions">
      <thead>
        <tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col" className="num">Replicas</th><th scope="col" className="num">Invocations</th><th scope="col">Image</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
      </thead>
      <tbody>
        {functions.map((fn) => (
          <FunctionRow key={fn.name} fn={fn} selected={fn.name === selected} maxReplicas={maxReplicas} busy={busy === fn.name}
            onSelect={() => onSelect(fn.name)} onScale={(n) => onScale(fn.name, n)} onDelete={() => onDelete(fn.name)} />
        ))}
      </tbody>
    </table>
  );
}
