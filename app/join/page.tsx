import { CodeForm } from '@/components/workshop/CodeForm';

export const dynamic = 'force-dynamic';

/** Where a participant types the code the instructor shows the room. */
export default function JoinWithCode() {
  return (
    <div className="narrow-page">
      <h1>Join a workshop session</h1>
      <p className="muted">Enter the code your instructor gave you. Working on your own instead? <a href="/">Start the labs</a>: no code needed.</p>
      <CodeForm />
    </div>
  );
}
