import type { Problem } from './vendor/upsignal-shared/index.ts';

/**
 * Any way a call to the proxy can fail: no answer (status null), an answer with a problem+json
 * body, or an answer the card does not understand. `message` is written for the seller.
 */
export class ProxyRequestError extends Error {
  override readonly name = 'ProxyRequestError';
  readonly status: number | null;
  readonly problem: Problem | null;

  constructor(message: string, status: number | null, problem: Problem | null) {
    super(message);
    this.status = status;
    this.problem = problem;
  }

  /** The proxy decided (a 4xx): sending the same request again gets the same answer. */
  get isDefinitive(): boolean {
    return this.status !== null && this.status >= 400 && this.status < 500;
  }
}

export function isNotFound(error: unknown): error is ProxyRequestError {
  return error instanceof ProxyRequestError && error.status === 404;
}
