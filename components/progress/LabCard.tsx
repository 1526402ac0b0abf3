import Link from 'next/link';
import type { LabInfo } from '@/lib/labs/schema';
import type { LabProgress } from '@/lib/progress/summary';
import { ProgressBar } from './ProgressBar';
import { StepMark } from './StepMark';
import './progress.css';

/** A lab in the catalogue: what it is, how far the participant got, and the button to go on. */
export function LabCard({ lab, progress }: { lab: LabInfo; progress: LabProgress }) {
  const allDone = progress.stepsDone === progress.stepsTotal;
  const verb = !progress.started ? 'Start' : allDone ? 'Review' : 'Continue';
  return (
    <section className="card lab-card" aria-label={lab.title}>
      <h2><Link href={progress.href}>{lab.title}</Link></h2>
      <p className="muted">{lab.summary} · about {lab.minutes} min</p>
      <div className="lab-progress">
        <ProgressBar done={progress.stepsDone} total={progress.stepsTotal} label={`${lab.title}: steps done`} />
        <span data-testid="lab-steps-done">{progress.stepsDone} of {progress.stepsTotal} steps done</span>
      </div>
      <ol className="step-list">
        {progress.steps.map((s) => (
          <li key={s.step}><StepMark step={s} /> <Link href={s.href}>{s.title}</Link></li>
        ))}
      </ol>
      <Link className={`button${progress.started && !allDone ? '' : ' secondary'}`} href={progress.resume.href}>
        {verb}: {progress.resume.title}
      </Link>
    </section>
  );
}
