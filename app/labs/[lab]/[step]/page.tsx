import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LessonContent } from '@/components/lesson/LessonContent';
import { labs } from '@/lib/labs';
import { findStep } from '@/lib/labs/catalogue';
import { compileStep } from '@/lib/labs/compile';

export const dynamic = 'force-dynamic';

export default async function StepPage({ params }: { params: Promise<{ lab: string; step: string }> }) {
  const { lab: labSlug, step: stepSlug } = await params;
  const found = findStep(labs(), labSlug, stepSlug);
  if (!found) notFound();
  const { lab, step, index } = found;
  const code = await compileStep(step.dir);
  const prev = lab.steps[index - 1];
  const next = lab.steps[index + 1];
  return (
    <div className="lesson">
      <nav className="steps" aria-label={`${lab.title} steps`}>
        <Link href="/">All labs</Link> <span aria-hidden>›</span> <strong>{lab.title}</strong>
        <details>
          <summary>Step {index + 1} of {lab.steps.length}</summary>
          <ol>
            {lab.steps.map((s) => (
              <li key={s.slug} aria-current={s.slug === step.slug ? 'step' : undefined}>
                <Link href={`/labs/${lab.slug}/${s.slug}`}>{s.title}</Link>
              </li>
            ))}
          </ol>
        </details>
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
