import { z } from 'zod';
import { problemSchema } from './problem.ts';

export const resourceIds = ['seats', 'storage', 'api_calls'] as const;
export type ResourceId = (typeof resourceIds)[number];

export const accountSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  plan: z.string().nullable(),
  mrr: z.number().nullable(),
  renewalDate: z.string().nullable(),
  salesforceAccountId: z.string().nullable(),
  hubspotCompanyId: z.string().nullable(),
});

/** One metered resource against the plan limit: the quota wall. */
export const quotaWallSchema = z.object({
  resource: z.enum(resourceIds),
  label: z.string(),
  unit: z.string(),
  used: z.number(),
  limit: z.number().nullable(),
  /** used / limit; null when the plan has no limit for this resource. */
  utilisation: z.number().nullable(),
  /** Days until used reaches limit at the recent trend; 0 at or over; null when not growing. */
  daysToWall: z.number().nullable(),
});

export const signalSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  threshold: z.number(),
  /** Whether the value must be at or above the threshold, or at or below it, to fire. */
  direction: z.enum(['above', 'below']),
  points: z.number(),
  fired: z.boolean(),
  unit: z.string(),
});

export const playSchema = z.object({
  id: z.string(),
  title: z.string(),
  why: z.string(),
  priority: z.number().int(),
});

export const bandSchema = z.object({
  id: z.string(),
  label: z.string(),
  colour: z.string(),
});

export const scoreResponseSchema = z.object({
  account: accountSchema,
  score: z.number().int().min(0).max(100),
  band: bandSchema,
  quotaWall: z.array(quotaWallSchema),
  signals: z.array(signalSchema),
  plays: z.array(playSchema),
  /** The newest day of usage data behind the score (ISO date). */
  asOf: z.string().nullable(),
  computedAt: z.string(),
  /** True when an older score is served because the warehouse could not be reached. */
  stale: z.boolean(),
});

export type Account = z.infer<typeof accountSchema>;
export type QuotaWall = z.infer<typeof quotaWallSchema>;
export type Signal = z.infer<typeof signalSchema>;
export type Play = z.infer<typeof playSchema>;
export type Band = z.infer<typeof bandSchema>;
export type ScoreResponse = z.infer<typeof scoreResponseSchema>;

export const MAX_BATCH_ITEMS = 200;

export const batchResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), score: scoreResponseSchema }),
  z.object({ ok: z.literal(false), problem: problemSchema }),
]);

export const batchResponseSchema = z.object({
  results: z.array(batchResultSchema),
});

export type BatchResult = z.infer<typeof batchResultSchema>;
export type BatchResponse = z.infer<typeof batchResponseSchema>;

export const topAccountSchema = z.object({
  account: accountSchema,
  score: z.number().int().min(0).max(100),
  band: bandSchema,
  firedSignals: z.array(z.string()),
});

export const topResponseSchema = z.object({
  accounts: z.array(topAccountSchema),
  computedAt: z.string(),
});

export type TopAccount = z.infer<typeof topAccountSchema>;
export type TopResponse = z.infer<typeof topResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  warehouse: z.enum(['duckdb', 'snowflake']),
  version: z.string(),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
