import { isMap, isScalar, isSeq } from 'yaml';
import type { z } from 'zod';
import { locate, readYaml, toPlain } from './document';
import { StackError } from './errors';
import { issuesToErrors, type IssueContext } from './issues';

/** What kind of file is being read, for the messages about its shape as a whole. */
export type FileKind = {
  /** e.g. `stack file`. */
  name: string;
  /** The fields of the map at a path, with their descriptions (`.describe()`) for hints. */
  shapeAt: IssueContext['shapeAt'];
  /** A small valid file, shown when it is empty. */
  example: string;
};

export type Validated<T> = { value: T; errors: [] } | { value: null; errors: StackError[] };

/** Read YAML text and check it against a schema; every problem comes back with its line. */
export function validateYaml<S extends z.ZodType>(text: string, file: string, schema: S, kind: FileKind): Validated<z.output<S>> {
  const { source, errors } = readYaml(text, file);
  if (errors.length > 0) return { value: null, errors };

  const contents = source.doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return fail(new StackError({ file, line: 1, message: `the ${kind.name} is empty`, hint: `It should look like this:\n${kind.example}` }));
  }
  if (!isMap(contents)) {
    const { line, column } = locate(source, []);
    const what = isSeq(contents) ? 'a list' : 'a single value';
    return fail(new StackError({
      file, line, column,
      message: `the ${kind.name} should be a map with the fields ${Object.keys(kind.shapeAt([]) ?? {}).join(', ')}, but it is ${what}`,
      hint: `It should look like this:\n${kind.example}`,
    }));
  }

  let input: unknown;
  try {
    input = toPlain(source);
  } catch (err) {
    // Only the alias limit (a "billion laughs" file) makes toJS throw on a file that parsed.
    return fail(new StackError({ file, line: 1, message: err instanceof Error ? err.message : String(err), cause: err }));
  }
  const result = schema.safeParse(input);
  if (result.success) return { value: result.data, errors: [] };
  const found = issuesToErrors(result.error.issues, input, { file, locate: (path) => locate(source, path), shapeAt: kind.shapeAt });
  found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { value: null, errors: found };
}

function fail(error: StackError): Validated<never> {
  return { value: null, errors: [error] };
}
