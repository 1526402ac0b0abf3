import Link from 'next/link';
import type { Progress } from '@/lib/progress/summary';
import { ProgressBar } from './ProgressBar';
import { RedoList } from './RedoList';
import './progress.css';

/**
 * At the top of the catalogue for a participant who has been here before: where they left off,
 * one click away, and which checks a new sandbox needs run again. Nothing for a newcomer.
 */
export function ContinueCard({ progress }: { progress: Progress }) {
  const { resume } = progress;
  if (!resume) return null;
  const lab = progress.labs.find((l) => l.lab === resume.lab)!;
  const finished = progress.stepsTotal > 0 && progress.stepsDone === progress.stepsTotal;
  return (
    <section className="continue-card" aria-label="Where you left off">
      <div className="where">
        {finished
          ? <p className="muted"><strong>You have done every step of every lab.</strong> Go back to any of them below, or to the last one you opened.</p>
          : <p className="muted">Welcome back. You left off at <strong>step {resume.number}</strong> of {lab.title}.</p>}
        <Link className={finished ? 'button' : 'button big'} href={resume.href} data-testid="continue">{finished ? 'Back to' : 'Continue'}: {resume.title} →</Link>
      </div>
      <div className="overall">
        <ProgressBar done={progress.stepsDone} total={progress.stepsTotal} label="All labs: steps done" />
        <span>{progress.stepsDone} of {progress.stepsTotal} steps done in all labs</span>
      </div>
      <RedoList items={progress.redo} />
    </section>
  );
}
