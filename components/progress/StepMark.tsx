import type { StepProgress } from '@/lib/progress/summary';
import './progress.css';

const marks = { done: ['✓', 'done'], started: ['◐', 'started'], 'not-started': ['○', 'not started'] } as const;

/** A step's state as a small mark before its title (its word for screen readers). */
export function StepMark({ step }: { step: Pick<StepProgress, 'status' | 'redo'> }) {
  const [glyph, word] = marks[step.status];
  return (
    <span className={`step-mark ${step.status}${step.redo.length ? ' redo' : ''}`} title={word}>
      <span aria-hidden>{glyph}</span>
      <span className="sr-only">({word}{step.redo.length ? ', checks to run again' : ''})</span>
    </span>
  );
}

/** What a participant has done of a step, in words: "Done", "Opened · 1 of 2 checks passed", "Opened", "Not started". */
export function stepStatusText(step: StepProgress): string {
  if (step.done) return step.checksTotal > 0 ? `Done: ${step.checksTotal === 1 ? 'its check' : `all ${step.checksTotal} checks`} passed` : 'Done';
  if (step.checksTotal > 0 && step.status === 'started') return `Opened · ${step.checksPassed} of ${step.checksTotal} check${step.checksTotal === 1 ? '' : 's'} passed`;
  if (step.status === 'started') return 'Opened';
  return step.checksTotal > 0 ? `Not started · ${step.checksTotal} check${step.checksTotal === 1 ? '' : 's'}` : 'Not started';
}
