import Link from 'next/link';
import type { RedoItem } from '@/lib/progress/summary';
import './progress.css';

/**
 * The checks that passed in the participant's old sandbox: what they proved (a deployed
 * function, say) went with it, so each links to its step to be done and checked again.
 * The steps stay done.
 */
export function RedoList({ items, onNavigate }: { items: RedoItem[]; onNavigate?: () => void }) {
  if (items.length === 0) return null;
  const n = items.length;
  return (
    <div className="redo-list">
      <p>
        <strong>{n === 1 ? '1 check' : `${n} checks`} passed in your old sandbox</strong>; your new sandbox does not have what{' '}
        {n === 1 ? 'it' : 'they'} checked yet. Your steps stay done; to get the functions back, redo {n === 1 ? 'this step' : 'these steps'} and run the check again:
      </p>
      <ul>
        {items.map((r) => (
          <li key={`${r.lab}/${r.step}/${r.check}`}>
            <Link href={r.href} onClick={onNavigate}><code>{r.check}</code> (Lab {r.labNumber} step {r.stepNumber}: {r.stepTitle})</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
