/** What went wrong in a failed image build, in terms a participant can act on. */
export type BuildFailure = {
  message: string;
  /** The failing Dockerfile step, when the failure is in one. */
  step?: string;
  excerpt: string;
};

/** Name the Dockerfile step that failed and show the end of its output. */
export function explainBuildFailure(error: string, log: string): BuildFailure {
  const steps = [...log.matchAll(/^Step \d+\/\d+ : (.*)$/gm)];
  const step = steps.at(-1)?.[1];
  const afterStep = steps.length ? log.slice(steps.at(-1)!.index).split('\n').slice(1) : log.split('\n');
  const excerpt = afterStep.filter((l) => l.trim() && !/^ ---> /.test(l)).slice(-15).join('\n');
  return { message: step ? `The build failed at step "${step}": ${error}` : `The build failed: ${error}`, step, excerpt };
}
