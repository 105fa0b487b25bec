import { handoffSchema, problemSchema } from '@upsignal/shared';
import { z } from 'zod';

/**
 * Why a request for the overlay did not succeed, as data: it crosses the message boundary
 * between worker and content script, and the overlay turns each kind into advice for the seller.
 */
export const failureKinds = [
  /** No proxy URL or token saved yet. */
  'settings',
  /** The browser has not granted the extension access to the proxy's origin. */
  'permission',
  /** 401: the token is unknown or was revoked. */
  'unauthorized',
  /** The proxy could not be reached at all. */
  'unreachable',
  /** 404: the account is not in the warehouse. */
  'not_found',
  /** 409 on a lookup: several accounts match (candidates listed). */
  'ambiguous',
  /** 409 on a handoff: the account was handed off recently (the earlier handoff attached). */
  'conflict',
  /** Any other 4xx: the request itself was refused (detail says why). */
  'rejected',
  /** 5xx: the proxy or its warehouse failed. */
  'server',
  /** The proxy answered, but not in the shape this extension understands. */
  'invalid_response',
  /** The extension was reloaded or updated under this page; the page needs a reload. */
  'reload_page',
] as const;

export type FailureKind = (typeof failureKinds)[number];

export const failureSchema = z.object({
  kind: z.enum(failureKinds),
  /** Technical detail for the seller to pass on (the proxy's problem detail, a network error). */
  message: z.string(),
  status: z.number().int().optional(),
  candidates: problemSchema.shape.candidates,
  handoff: handoffSchema.optional(),
});

export type Failure = z.infer<typeof failureSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** The schema of a Result carrying `value`, for validating answers that cross a boundary. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), failure: failureSchema }),
  ]);
}

export function fail(kind: FailureKind, message: string, extra: Partial<Failure> = {}) {
  return { ok: false, failure: { kind, message, ...extra } } as const;
}
