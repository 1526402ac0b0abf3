/** What went wrong in a failed function build, in terms a participant can act on. */
export type BuildFailure = {
  message: string;
  file?: string;
  line?: number;
  /** The failing Dockerfile step, when the failure is in one. */
  step?: string;
  excerpt: string;
};

/**
 * Turn the engine's error and the build log into a BuildFailure. A Python syntax error (from
 * the template's check step) names the handler file and line; any other failure names the
 * Dockerfile step that failed and shows the end of its output.
 */
export function explainBuildFailure(error: string, log: string): BuildFailure {
  const lines = log.split('\n');
  const steps = [...log.matchAll(/^Step \d+\/\d+ : (.*)$/gm)];
  const step = steps.at(-1)?.[1];
  const fileLine = [...log.matchAll(/File "(function\/[^"]+)", line (\d+)/g)].at(-1);
  const syntax = /^(\w*Error): (.*)$/m.exec(log.slice(fileLine?.index ?? 0));
  if (fileLine && syntax) {
    const start = log.slice(0, fileLine.index).split('\n').length - 1;
    const excerpt = lines.slice(start, lines.findIndex((l, i) => i > start && /^\w*Error: /.test(l)) + 1).join('\n');
    return {
      message: `${syntax[1]} in ${fileLine[1].replace(/^function\//, '')} line ${fileLine[2]}: ${syntax[2]}`,
      file: fileLine[1].replace(/^function\//, ''),
      line: Number(fileLine[2]),
      step,
      excerpt,
    };
  }
  const afterStep = steps.length ? log.slice(steps.at(-1)!.index).split('\n').slice(1) : lines;
  const excerpt = afterStep.filter((l) => l.trim() && !/^ ---> /.test(l)).slice(-15).join('\n');
  return { message: step ? `The build failed at step "${step}": ${error}` : `The build failed: ${error}`, step, excerpt };
}
