import { handoffSchema, problemSchema } from '@upsignal/shared';
import { fail } from '../messages/failure.ts';

/**
 * Turns a proxy error response (RFC 9457 problem+json, see shared/src/problem.ts) into a
 * failure the overlay can explain. A body that is not a problem still yields a failure by status.
 */
export function failureFromResponse(status: number, body: unknown) {
  const parsed = problemSchema.safeParse(body);
  const problem = parsed.success ? parsed.data : null;
  const message = problem ? problem.detail || problem.title : `The proxy answered HTTP ${status}`;

  if (status === 401) return fail('unauthorized', message, { status });
  if (status === 404) return fail('not_found', message, { status });

  if (status === 409 && problem?.candidates?.length) {
    return fail('ambiguous', message, { status, candidates: problem.candidates });
  }

  if (status === 409) {
    const earlier = handoffSchema.safeParse(problem?.handoff);
    return fail(
      'conflict',
      message,
      earlier.success ? { status, handoff: earlier.data } : { status },
    );
  }

  if (status >= 500) return fail('server', message, { status });
  return fail('rejected', message, { status });
}
