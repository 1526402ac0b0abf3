import { AppError } from '../errors';
import { DockerfileSyntaxError, flagValues, parseDockerfile, words, type Instruction } from './dockerfile';

/**
 * What a participant's Dockerfile may build from. The engine holds every sandbox's images, so
 * without this `FROM <B's function image>` (or `COPY --from=`) hands A the code of B.
 */
export type ImagePolicy = {
  /** Build args that name the platform's images, e.g. PYTHON_IMAGE → faaslab-python:2736d79e1697. */
  platformImages: Record<string, string>;
  /** Repository prefixes of the sandbox's own images (e.g. `faaslab-<sid>/`, `faaslab-<sid>-`). */
  ownPrefixes: string[];
};

/** Own images a Dockerfile refers to: the caller checks that they exist and are the sandbox's (labels), before building. */
export type ImageCheck = { ownImages: string[] };

/** An image reference without variables, quotes or escapes: what the check compares as written. */
const PLAIN = /^[A-Za-z0-9._/:-]+$/;
/** A FROM operand the check can expand as the engine would: plain characters and $NAME / ${NAME}. */
const EXPANDABLE = /^(?:[A-Za-z0-9._/:-]|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})+$/;
const VARIABLE = /\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})/g;

/**
 * Check every image a Dockerfile starts FROM or copies from (COPY --from, RUN --mount=from=)
 * against the policy, with the build args the engine will get. Allowed: the platform's images
 * (by value, so also through a build arg), an earlier stage, `scratch`, and the sandbox's own
 * images. Also refused: ONBUILD (its instructions run in a later build, unchecked) and ADD of
 * anything that may be a URL (the engine itself would fetch it, from the host's network).
 * Throws `build_failed` naming the line and what is allowed.
 */
export function checkDockerfileImages(dockerfile: string, buildArgs: Record<string, string>, policy: ImagePolicy): ImageCheck {
  let instructions: Instruction[];
  try {
    instructions = parseDockerfile(dockerfile);
  } catch (err) {
    if (err instanceof DockerfileSyntaxError) throw refusal(err.line, err.message, 'Write the Dockerfile without it.');
    throw err;
  }
  const allowedValues = new Set(Object.values(policy.platformImages));
  const stages: string[] = [];
  const meta = new Map<string, string | null>(); // ARGs before the first FROM: value, or null when it is not plain
  const ownImages = new Set<string>();
  const own = (ref: string) => policy.ownPrefixes.some((p) => ref.startsWith(p) && ref.length > p.length);
  /** Is `ref` (already expanded) allowed as an image? Records own images to verify. */
  const allowedImage = (ref: string): boolean => {
    if (allowedValues.has(ref) || ref.toLowerCase() === 'scratch') return true;
    if (own(ref) && PLAIN.test(ref)) {
      ownImages.add(ref.includes(':', ref.lastIndexOf('/') + 1) ? ref : `${ref}:latest`);
      return true;
    }
    return false;
  };
  const fromSource = (ins: Instruction, what: string, value: string): void => {
    if (!PLAIN.test(value)) throw refusal(ins.line, `${what}=${value.slice(0, 80)} must name an earlier stage or an allowed image, without variables or quotes`, HINT);
    const earlier = stages.slice(0, -1); // the last one is the stage being built
    if (/^\d+$/.test(value)) {
      if (Number(value) < earlier.length) return;
      throw refusal(ins.line, `${what}=${value}: there is no earlier stage number ${value}`, HINT);
    }
    if (earlier.includes(value.toLowerCase())) return;
    if (!allowedImage(value)) throw refusal(ins.line, `${what}=${value} is not an image that builds here may use`, HINT);
  };

  for (const ins of instructions) {
    switch (ins.keyword) {
      case 'arg':
        if (stages.length > 0) break;
        for (const w of words(ins.args)) {
          const eq = w.indexOf('=');
          const name = eq < 0 ? w : w.slice(0, eq);
          const fallback = eq < 0 ? undefined : w.slice(eq + 1);
          if (Object.hasOwn(buildArgs, name)) meta.set(name, buildArgs[name]);
          else if (fallback === undefined) meta.delete(name);
          else meta.set(name, PLAIN.test(fallback) || fallback === '' ? fallback : null);
        }
        break;
      case 'from': {
        const args = words(ins.args);
        // Stricter than the engine (it folds Unicode in "AS" and in stage names): anything else is refused here.
        if (!(args.length === 1 || (args.length === 3 && /^as$/i.test(args[1]) && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(args[2])))) {
          throw refusal(ins.line, 'FROM takes an image, optionally followed by "AS <stage name>" (letters, digits, "_", "." and "-")', HINT);
        }
        const operand = args[0];
        if (!EXPANDABLE.test(operand)) {
          throw refusal(ins.line, `FROM ${operand.slice(0, 80)}: write the image as a plain name or a $\{NAME} build arg`, HINT);
        }
        const image = operand.replace(VARIABLE, (_, a: string | undefined, b: string | undefined) => {
          const name = (a ?? b)!;
          const value = meta.get(name);
          if (value === null) throw refusal(ins.line, `FROM ${operand}: the default of ARG ${name} must be a plain image name`, HINT);
          if (value === undefined) {
            throw refusal(ins.line, `FROM ${operand}: ${name} has no value here; declare it with "ARG ${name}" before the first FROM`, HINT);
          }
          return value;
        });
        const isStage = stages.includes(image.toLowerCase());
        if (!isStage && !allowedImage(image)) {
          throw refusal(ins.line, `FROM ${operand}${image !== operand ? ` (${image})` : ''} is not an image that builds here may start from`, HINT);
        }
        stages.push(args.length === 3 ? args[2].toLowerCase() : `\u0000stage-${stages.length}`);
        break;
      }
      case 'copy':
        for (const v of flagValues(ins.flags, 'from')) fromSource(ins, 'COPY --from', v);
        break;
      case 'run':
        for (const mount of flagValues(ins.flags, 'mount')) {
          if (/["']/.test(mount)) throw refusal(ins.line, 'RUN --mount options must be written without quotes', HINT);
          for (const field of mount.split(',')) {
            const [key, value = ''] = field.split(/=(.*)/s);
            if (key.trim().toLowerCase() === 'from') fromSource(ins, 'RUN --mount=from', value);
          }
        }
        break;
      case 'add':
        // No colon, no variable: then no expansion, quoting or escape can make "http://…".
        if (/[:$]/.test(ins.args)) {
          throw refusal(ins.line, 'ADD of a URL (or of a name with ":" or "$") is not allowed: the engine would download it from the host\'s network', 'Put the file in the function folder and COPY it.');
        }
        break;
      case 'onbuild':
        throw refusal(ins.line, 'ONBUILD is not allowed: its instructions would run in a later build, unchecked', 'Write those instructions in the Dockerfile that needs them.');
    }
  }
  return { ownImages: [...ownImages] };
}

const HINT =
  'A build may start FROM (or COPY --from) the platform\'s images — ${BASE_IMAGE}, ${PYTHON_IMAGE}, ${NODE_IMAGE} or ${WATCHDOG_IMAGE}, '
  + 'each declared with ARG before the first FROM — an earlier stage of the same Dockerfile (FROM … AS name), scratch, or an image your own sandbox built.';

function refusal(line: number, what: string, hint: string): AppError {
  const message = `Dockerfile line ${line}: ${what}.`;
  return new AppError('build_failed', message, { hint, detail: { message, file: 'Dockerfile', line, excerpt: '' } });
}
