import './progress.css';

/** How many of a lab's (or all) steps are done, as a bar that also reads as text. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="progress-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={`${done} of ${total} steps done`}>
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}
