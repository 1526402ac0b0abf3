import { randomBytes } from 'node:crypto';
import type { Queries } from '../db/queries';
import type { InstructorRow } from '../db/workshop-queries';
import { AppError } from '../errors';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { newInstructorSchema, type NewInstructor } from './schemas';

/** What the dashboard shows of an instructor (never the hash). */
export type Instructor = { id: string; email: string; name: string };
export const toInstructor = (r: InstructorRow): Instructor => ({ id: r.id, email: r.email, name: r.name });

/** Make an instructor account; 409 when the email has one already. */
export async function createInstructor(q: Queries, input: NewInstructor, createdBy: string | null): Promise<Instructor> {
  const id = randomBytes(12).toString('base64url');
  const row = { id, email: input.email, name: input.name, password_hash: await hashPassword(input.password), created_by: createdBy };
  if (!q.insertInstructor(row)) throw new AppError('conflict', `There is an instructor with the email ${input.email} already.`, { hint: 'They can log in with it; use another email for someone else.' });
  return { id, email: input.email, name: input.name };
}

/** The instructor with this email and password, or null (the same time is spent when the email is unknown). */
export async function authenticate(q: Queries, email: string, password: string): Promise<Instructor | null> {
  const row = q.instructorByEmail(email);
  const ok = await verifyPassword(password, row?.password_hash ?? await dummyHash());
  return row && ok ? toInstructor(row) : null;
}

/**
 * The first instructor, from FAASLAB_INSTRUCTOR_EMAIL and FAASLAB_INSTRUCTOR_PASSWORD, at each
 * start: made when no account has that email, left as it is otherwise (a password changed since
 * is kept). Without the variables nothing happens: self-paced use needs no instructor.
 */
export type FirstInstructorSettings = { FAASLAB_INSTRUCTOR_EMAIL?: string; FAASLAB_INSTRUCTOR_PASSWORD?: string; FAASLAB_INSTRUCTOR_NAME?: string };

export async function ensureFirstInstructor(q: Queries, env: FirstInstructorSettings): Promise<'created' | 'exists' | 'not_configured'> {
  const email = env.FAASLAB_INSTRUCTOR_EMAIL;
  const password = env.FAASLAB_INSTRUCTOR_PASSWORD;
  if (!email && !password) return 'not_configured';
  const parsed = newInstructorSchema.safeParse({ email, password, name: env.FAASLAB_INSTRUCTOR_NAME || 'Instructor' });
  if (!parsed.success) {
    const what = parsed.error.issues.map((i) => `${i.path.join('.') === 'password' ? 'FAASLAB_INSTRUCTOR_PASSWORD' : i.path.join('.') === 'email' ? 'FAASLAB_INSTRUCTOR_EMAIL' : 'FAASLAB_INSTRUCTOR_NAME'}: ${i.message}`).join('; ');
    throw new AppError('invalid', `The first instructor cannot be made: ${what}`, { hint: 'Set both FAASLAB_INSTRUCTOR_EMAIL and FAASLAB_INSTRUCTOR_PASSWORD (10 characters or more), or neither.' });
  }
  if (q.instructorByEmail(parsed.data.email)) return 'exists';
  try {
    await createInstructor(q, parsed.data, null);
    return 'created';
  } catch (err) {
    // another process made it between the look-up and the insert
    if (err instanceof AppError && err.code === 'conflict') return 'exists';
    throw err;
  }
}
