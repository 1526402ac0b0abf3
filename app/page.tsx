import { currentParticipant } from '@/app/participant';
import { ContinueCard } from '@/components/progress/ContinueCard';
import { LabCard } from '@/components/progress/LabCard';
import { appContext } from '@/lib/app-context';
import { labs } from '@/lib/labs';
import { progressOf } from '@/lib/progress/load';

export const dynamic = 'force-dynamic';

/**
 * The catalogue. A returning participant sees "Continue" to where they left off at the top
 * rather than being redirected there: `/` stays the place to see every lab and their progress
 * (the step pages' "All labs" link comes here), and one click resumes.
 */
export default async function Catalogue() {
  const all = labs();
  const progress = await progressOf(appContext().q, all, await currentParticipant().catch(() => null));
  return (
    <>
      <h1>Labs</h1>
      <ContinueCard progress={progress} />
      <p className="muted">Each lab runs against your own OpenFaaS-compatible stack: a gateway, your functions and a shell, made for you when you first need them.</p>
      <div className="catalogue">
        {all.map((lab, i) => <LabCard key={lab.slug} lab={lab} progress={progress.labs[i]} />)}
      </div>
    </>
  );
}
