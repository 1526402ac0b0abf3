import Link from 'next/link';
import { labs } from '@/lib/labs';

export const dynamic = 'force-dynamic';

export default function Catalogue() {
  const all = labs();
  return (
    <>
      <h1>Labs</h1>
      <p className="muted">Each lab runs against your own OpenFaaS-compatible stack: a gateway, your functions and a shell, made for you when you first need them.</p>
      <div className="catalogue">
        {all.map((lab) => (
          <section className="card" key={lab.slug} aria-label={lab.title}>
            <h2><Link href={`/labs/${lab.slug}/${lab.steps[0]?.slug ?? ''}`}>{lab.title}</Link></h2>
            <p className="muted">{lab.summary} · about {lab.minutes} min</p>
            <ol>
              {lab.steps.map((s) => (
                <li key={s.slug}><Link href={`/labs/${lab.slug}/${s.slug}`}>{s.title}</Link></li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </>
  );
}
