import { z } from 'zod';

export const emailSchema = z.string().trim().toLowerCase().max(254, 'An email address has at most 254 characters.')
  .pipe(z.email('Enter an email address like ada@example.org.'))
  .describe('The instructor\'s email, their login name (compared without case)');

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(1024, 'A password has at most 1024 characters.'),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const newInstructorSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter the instructor\'s name.').max(80, 'A name has at most 80 characters.')
    .describe('Shown on the dashboard'),
  password: z.string().min(10, 'A password needs at least 10 characters.').max(1024, 'A password has at most 1024 characters.')
    .describe('Their first password; they log in with it'),
});
export type NewInstructor = z.infer<typeof newInstructorSchema>;

export const logoutSchema = z.object({
  everywhere: z.boolean('everywhere is true or false.').optional()
    .describe('Also end this instructor\'s logins in every other browser (a lost laptop, a shared machine)'),
});
export type LogoutInput = z.infer<typeof logoutSchema>;
