import { redirect } from 'next/navigation';
import { currentInstructor, instructorDeps } from '@/app/current-instructor';
import { LoginForm } from '@/components/instructor/LoginForm';

export const dynamic = 'force-dynamic';

/** Instructors log in here; participants never need to (they join with a code). ?out=everywhere: just logged out of every browser (LogoutButton). */
export default async function InstructorLogin({ searchParams }: { searchParams: Promise<{ out?: string | string[] }> }) {
  if (await currentInstructor()) redirect('/instructor');
  const none = instructorDeps().q.instructorCount() === 0;
  return (
    <div className="narrow-page">
      <h1>Instructor log-in</h1>
      <p className="muted">For running a workshop session with a room of participants. Working through the labs on your own needs no account: <a href="/">go to the labs</a>. Joining a session? <a href="/join">Enter its code</a>.</p>
      {none && (
        <p className="callout warning" role="note">
          No instructor account exists yet. Start FaaS Lab with <code>FAASLAB_INSTRUCTOR_EMAIL</code> and <code>FAASLAB_INSTRUCTOR_PASSWORD</code> set
          (10 characters or more) to make the first one; further instructors are added from the dashboard.
        </p>
      )}
      {(await searchParams).out === 'everywhere' && (
        <p className="callout" role="status" data-testid="logged-out-everywhere">
          You are logged out everywhere: every browser and device that was logged in as you has to log in again.
        </p>
      )}
      <LoginForm />
    </div>
  );
}
