import { PROBLEM_CONTENT_TYPE, type Problem } from '@upsignal/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { WarehouseError } from '../warehouse/warehouse.ts';
import { HttpProblem, warehouseUnavailable } from './http-problem.ts';

export const WAREHOUSE_RETRY_AFTER_SECONDS = 30;

/** Maps any error to the problem a client sees; unknown errors reveal nothing of their cause. */
export function toHttpProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;

  if (error instanceof WarehouseError && error.failure !== 'query') {
    return warehouseUnavailable(WAREHOUSE_RETRY_AFTER_SECONDS);
  }

  if (error instanceof HTTPException) {
    if (error.status === 413) {
      return new HttpProblem(413, 'Payload too large', error.message || 'The body is too large.');
    }
    return new HttpProblem(error.status, 'Request refused', error.message || 'Request refused.');
  }

  return new HttpProblem(500, 'Internal error', 'Something went wrong on our side. It was logged.');
}

export function problemResponse(c: Context, problem: HttpProblem): Response {
  const body: Problem = {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: c.req.path,
    requestId: c.get('requestId'),
    ...(problem.extra.errors ? { errors: problem.extra.errors } : {}),
    ...(problem.extra.candidates ? { candidates: problem.extra.candidates } : {}),
    ...(problem.extra.handoff ? { handoff: problem.extra.handoff } : {}),
  };

  const headers = { 'Content-Type': PROBLEM_CONTENT_TYPE, ...problem.extra.headers };
  return c.body(JSON.stringify(body), problem.status as ContentfulStatusCode, headers);
}
