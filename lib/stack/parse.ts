import { envsubst as substitute, type Env } from './envsubst';
import { StackError } from './errors';
import { shapeAt, stackSchema, type Stack } from './schema';
import { validateYaml, type FileKind } from './validate';

export type ParseStackOptions = {
  /** The name to report errors against. Default `stack.yml`. */
  file?: string;
  /**
   * Variables for `${VAR}` substitution. Default: none (every variable unset), so that the web
   * app never substitutes the server's own environment; the CLI passes `process.env`.
   */
  env?: Env;
  /** Substitute variables before reading the YAML, as faas-cli does. Default true (`--envsubst`). */
  envsubst?: boolean;
};

const STACK_FILE: FileKind = {
  name: 'stack file',
  shapeAt,
  example: [
    'version: 1.0',
    'provider:',
    '  name: openfaas',
    '  gateway: http://127.0.0.1:8080',
    'functions:',
    '  hello-openfaas:',
    '    lang: python3',
    '    handler: ./hello-openfaas',
    '    image: hello-openfaas:latest',
  ].join('\n'),
};

/** Every problem in a stack file, in file order; `stack` is set only when there are none. */
export function validateStack(text: string, options: ParseStackOptions = {}): { stack: Stack | null; errors: StackError[] } {
  const file = options.file ?? 'stack.yml';
  let source = text;
  if (options.envsubst !== false) {
    try {
      source = substitute(text, options.env ?? {}, { file });
    } catch (err) {
      if (err instanceof StackError) return { stack: null, errors: [err] };
      throw err;
    }
  }
  const { value, errors } = validateYaml(source, file, stackSchema, STACK_FILE);
  return { stack: value, errors };
}

/** Read a stack file, or throw the first StackError in it. */
export function parseStack(text: string, options: ParseStackOptions = {}): Stack {
  const { stack, errors } = validateStack(text, options);
  if (!stack) throw errors[0];
  return stack;
}
