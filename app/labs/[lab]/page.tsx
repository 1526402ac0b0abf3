import Link from 'next/link';
import { notFound } from 'next/navigation';
import { currentParticipant } from '@/app/participant';
import { ProgressBar } from '@/components/progress/ProgressBar';
import { RedoList } from '@/components/progress/RedoList';
import { StepMark, stepStatusText } from '@/components/progress/StepMark';
import { appContext } from '@/lib/app-context';
import { labs } from '@/lib/labs';
import { progressOf } from '@/lib/progress/load';

export const dynamic = 'force-dynamic';

/** A lab's overview: its steps, which are done, how many checks passed, and where to go on. */
export default async function LabOverview({ params }: { params: Promise<{ lab: string }> }) {
  const { lab: labSlug } = await params;
  const all = labs();
  const lab = all.find((l) => l.slug === labSlug);
  if (!lab) notFound();
  const progress = await progressOf(appContext().q, all, await currentParticipant().catch(() => null));
  const mine = progress.labs.find((l) => l.lab === lab.slug)!;
  const verb = !mine.started ? 'Start' : mine.stepsDone === mine.stepsTotal ? 'Review' : 'Continue';
  return (
    <div className="lesson lab-overview">
      <nav className="steps" aria-label="Where you are">
        <Link href="/">All labs</Link> <span aria-hidden>›</span> <strong>{lab.title}</strong>
      </nav>
      <article className="step">
        <header>
          <h1>{lab.title}</h1>
          <p className="muted">{lab.summary} · about {lab.minutes} min</p>
          <div className="lab-progress">
            <ProgressBar done={mine.stepsDone} total={mine.stepsTotal} label={`${lab.title}: steps done`} />
            <span data-testid="lab-steps-done">{mine.stepsDone} of {mine.stepsTotal} steps done</span>
          </div>
          <div><Link className="button" href={mine.resume.href}>{verb}: {mine.resume.title} →</Link></div>
        </header>
        <RedoList items={progress.redo.filter((r) => r.lab === lab.slug)} />
        <ol className="steps-overview" aria-label={`${lab.title} steps`}>
          {mine.steps.map((s, i) => (
            <li key={s.step} className={s.status}>
              <StepMark step={s} />
              <Link className="title" href={s.href}>{i + 1}. {lab.steps[i].title}</Link>
              <span className="status" data-testid="step-status">{stepStatusText(s)}</span>
              <p className="summary muted">{lab.steps[i].summary}</p>
              {s.redo.length > 0 && <p className="redo-note">Passed in your old sandbox, to run again: {s.redo.map((id, i) => <span key={id}>{i > 0 && ', '}<code>{id}</code></span>)}</p>}
            </li>
          ))}
        </ol>
      </article>
    </div>
  );
}
