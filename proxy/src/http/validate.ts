import type { z } from 'zod';
import { badRequest } from './http-problem.ts';

/** Parses input at the HTTP boundary; every issue becomes a `{ path, message }` entry. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data as z.output<S>;

  const errors = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const summary = errors.map((error) => `${error.path}: ${error.message}`).join('; ');
  throw badRequest(`Invalid ${what}: ${summary}`, errors);
}
