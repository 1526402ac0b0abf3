import Link from 'next/link';
import { notFound } from 'next/navigation';
import { currentParticipant } from '@/app/participant';
import { LessonContent } from '@/components/lesson/LessonContent';
import { StepMark } from '@/components/progress/StepMark';
import { appContext } from '@/lib/app-context';
import { labs } from '@/lib/labs';
import { findStep } from '@/lib/labs/catalogue';
import { compileStep } from '@/lib/labs/compile';
import { progressOf, recordVisit } from '@/lib/progress/load';

export const dynamic = 'force-dynamic';

export default async function StepPage({ params }: { params: Promise<{ lab: string; step: string }> }) {
  const { lab: labSlug, step: stepSlug } = await params;
  const all = labs();
  const found = findStep(all, labSlug, stepSlug);
  if (!found) notFound();
  const { lab, step, index } = found;
  const code = await compileStep(step.dir);
  // Opening a step is progress ("Continue" on the catalogue comes back here), kept as it renders.
  const ctx = appContext();
  const participant = await currentParticipant().catch(() => null);
  if (participant) recordVisit(ctx.q, all, participant, lab.slug, step.slug);
  const mine = (await progressOf(ctx.q, all, participant)).labs.find((l) => l.lab === lab.slug)!;
  const here = mine.steps[index];
  const prev = lab.steps[index - 1];
  const next = lab.steps[index + 1];
  return (
    <div className="lesson">
      <nav className="steps" aria-label={`${lab.title} steps`}>
        <Link href="/">All labs</Link> <span aria-hidden>›</span> <Link href={mine.href}><strong>{lab.title}</strong></Link>
        <details>
          <summary>Step {index + 1} of {lab.steps.length} <span className="muted">· {mine.stepsDone} done</span></summary>
          <ol className="step-list">
            {mine.steps.map((s) => (
              <li key={s.step} aria-current={s.step === step.slug ? 'step' : undefined}>
                <StepMark step={s} /> <Link href={s.href}>{s.title}</Link>
              </li>
            ))}
          </ol>
        </details>
        {here.redo.length > 0 && (
          <p className="step-redo" role="note">
            {here.redo.length === 1 ? 'This check' : 'These checks'} passed in your old sandbox: {here.redo.map((id, i) => <span key={id}>{i > 0 && ', '}<code>{id}</code></span>)}.
            Your new sandbox does not have what {here.redo.length === 1 ? 'it' : 'they'} checked. Do the step again and run {here.redo.length === 1 ? 'it' : 'them'} again; the step stays done.
          </p>
        )}
      </nav>
      <article className="step">
        <h1>{step.title}</h1>
        <p className="muted">{step.summary}</p>
        <LessonContent code={code} lab={lab.slug} step={step.slug} />
        <div className="pager">
          {prev ? <Link href={`/labs/${lab.slug}/${prev.slug}`}>← {prev.title}</Link> : <span />}
          {next ? <Link href={`/labs/${lab.slug}/${next.slug}`}>{next.title} →</Link> : <Link href="/">Back to all labs</Link>}
        </div>
      </article>
    </div>
  );
}
