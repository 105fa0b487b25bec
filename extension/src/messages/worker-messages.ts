import {
  handoffListSchema,
  handoffRequestSchema,
  handoffResponseSchema,
  lookupKinds,
  scoreResponseSchema,
} from '@upsignal/shared';
import { z } from 'zod';
import { resultSchema } from './failure.ts';

/**
 * Messages from a content script to the background worker, and the answer each one gets.
 * Both sides parse with these schemas: the worker trusts no page, the content script trusts no
 * answer it has not checked.
 */

export const lookupSchema = z.object({
  kind: z.enum(lookupKinds),
  value: z.string().trim().min(1).max(256),
});

export const workerRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('score'), lookup: lookupSchema }),
  z.object({ type: z.literal('handoffs.list'), accountId: z.string().min(1).max(128) }),
  z.object({ type: z.literal('handoff.create'), request: handoffRequestSchema }),
  z.object({ type: z.literal('options.open') }),
]);

export type WorkerRequest = z.infer<typeof workerRequestSchema>;
export type WorkerRequestType = WorkerRequest['type'];

export const workerResponseSchemas = {
  score: resultSchema(scoreResponseSchema),
  'handoffs.list': resultSchema(handoffListSchema),
  'handoff.create': resultSchema(handoffResponseSchema),
  'options.open': resultSchema(z.object({ opened: z.boolean() })),
} satisfies Record<WorkerRequestType, z.ZodType>;

export type WorkerResponse<T extends WorkerRequestType> = z.infer<
  (typeof workerResponseSchemas)[T]
>;
