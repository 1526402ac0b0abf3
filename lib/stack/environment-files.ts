import { z } from 'zod';
import { StackError } from './errors';
import { stringMapSchema, type Stack, type StackFunction } from './schema';
import { validateYaml, type FileKind } from './validate';

/**
 * Reads a file named in `environment_file`, by the name written there. faas-cli 0.12 reads it
 * from the working directory, newer ones from the stack file's folder: the caller decides.
 */
export type ReadFile = (path: string) => string | Promise<string>;

const environmentShape = {
  environment: stringMapSchema.describe('Environment variables as NAME: value pairs, under environment:.'),
};
// Other keys are ignored, as faas-cli ignores them; no `${VAR}` substitution, as in faas-cli.
const environmentFileSchema = z.looseObject(environmentShape);

const ENVIRONMENT_FILE: FileKind = {
  name: 'environment file',
  shapeAt: (path) => (path.length === 0 ? environmentShape : undefined),
  example: 'environment:\n  DB_HOST: db.example.com\n  write_debug: true',
};

/**
 * The stack with each function's `environment_file`s read into its `environment`, as
 * `faas-cli deploy` does: the files override the function's own `environment`, and a later
 * file overrides an earlier one.
 */
export async function loadEnvironmentFiles(stack: Stack, readFile: ReadFile): Promise<Stack> {
  const functions: Record<string, StackFunction> = {};
  for (const [name, fn] of Object.entries(stack.functions)) {
    let environment = fn.environment;
    for (const file of fn.environment_file ?? []) {
      environment = { ...environment, ...(await readEnvironmentFile(file, name, readFile)) };
    }
    functions[name] = environment === undefined ? fn : { ...fn, environment };
  }
  return { ...stack, functions };
}

async function readEnvironmentFile(file: string, fn: string, readFile: ReadFile): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(file);
  } catch (err) {
    throw new StackError({
      file,
      message: `cannot read this environment_file of function "${fn}": ${err instanceof Error ? err.message : String(err)}`,
      hint: 'environment_file names YAML files next to the stack file; check the name, or create the file.',
      cause: err,
    });
  }
  const { value, errors } = validateYaml(text, file, environmentFileSchema, ENVIRONMENT_FILE);
  if (!value) throw errors[0];
  return value.environment;
}
