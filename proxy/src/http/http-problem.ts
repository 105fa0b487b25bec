import type { Problem } from '@upsignal/shared';

/**
 * The one error type the HTTP layer throws. `onError` turns it into an RFC 9457 problem; its
 * `detail` is written for the person reading the response, so it names what was wrong.
 */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: Partial<Omit<Problem, 'status' | 'title' | 'detail'>> & {
      headers?: Record<string, string>;
    } = {},
  ) {
    super(`${status} ${title}: ${detail}`);
  }

  /** A short, stable slug for `type`, so clients can branch without parsing titles. */
  get type(): string {
    return this.extra.type ?? `https://upsignal.dev/problems/${slug(this.title)}`;
  }
}

function slug(title: string) {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const badRequest = (detail: string, errors?: Problem['errors']) =>
  new HttpProblem(400, 'Bad request', detail, errors ? { errors } : {});

export const unauthorized = (detail: string) =>
  new HttpProblem(401, 'Unauthorized', detail, {
    headers: { 'WWW-Authenticate': 'Bearer realm="upsignal"' },
  });

export const notFound = (detail: string) => new HttpProblem(404, 'Not found', detail);

export const warehouseUnavailable = (retryAfterSeconds: number) =>
  new HttpProblem(
    503,
    'Warehouse unavailable',
    'The warehouse did not answer in time. Try again shortly; cached scores are still served.',
    { headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
