import type { z } from 'zod';
import { AppError } from '../errors';
import { answerJson, assertFromThisSite } from '../http/answer';
import { readJsonBody } from '../http/json-body';

/** The HTTP side of the instructor API (app/api/instructor/*): JSON answers and errors, small bodies, this site's pages only. */
export const answerInstructor = (run: () => unknown) => answerJson(run, 'That did not work, and nothing was changed. Try again.', 'instructor API');

/** Instructor requests are small forms. */
const MAX_BODY = 16 * 1024;
export const readForm = <S extends z.ZodType>(req: Request, schema: S) =>
  readJsonBody(req, schema, MAX_BODY, () => new AppError('too_large', 'That request is larger than any instructor form makes.'));

export const assertFromDashboard = (req: Request) => assertFromThisSite(req, 'The instructor dashboard');
