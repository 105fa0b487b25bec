import { z } from 'zod';

/** RFC 9457 problem details: the one shape every error response takes. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  /** Field-level reasons, when the request itself was malformed. */
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Accounts that matched an ambiguous lookup (409). */
  candidates: z
    .array(z.object({ accountId: z.string(), name: z.string(), domain: z.string().nullable() }))
    .optional(),
  /** The earlier handoff that a cooldown conflict refers to (409). */
  handoff: z.unknown().optional(),
});

export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
