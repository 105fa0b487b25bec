import { z } from 'zod';

export const handoffStates = ['pending', 'sent', 'failed', 'recorded'] as const;
export type HandoffState = (typeof handoffStates)[number];

export const handoffRequestSchema = z.object({
  accountId: z.string().trim().min(1).max(128),
  playId: z.string().trim().min(1).max(64),
  note: z.string().trim().max(2000).optional(),
  /** Chosen by the client once per click; a retry with the same key returns the same handoff. */
  idempotencyKey: z.string().trim().min(8).max(128),
  /**
   * Who clicked, as the HubSpot card knows it (context.user.email). Honoured only on a
   * HubSpot-signed request, whose signature covers the body; a bearer token names its own user.
   */
  requester: z.string().trim().email().max(254).optional(),
});

export type HandoffRequest = z.infer<typeof handoffRequestSchema>;

export const handoffSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  playId: z.string(),
  note: z.string().nullable(),
  requestedBy: z.string(),
  /**
   * pending: waiting for (another) delivery attempt; sent: in Slack; failed: gave up after the
   * last attempt (see lastError); recorded: kept in the warehouse, Slack is not configured.
   */
  state: z.enum(handoffStates),
  channel: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  slackTs: z.string().nullable(),
  permalink: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

export type Handoff = z.infer<typeof handoffSchema>;

export const handoffResponseSchema = z.object({
  handoff: handoffSchema,
  /** True when this request created the handoff, false when an idempotent replay found it. */
  created: z.boolean(),
});

export const handoffListSchema = z.object({ handoffs: z.array(handoffSchema) });

export type HandoffResponse = z.infer<typeof handoffResponseSchema>;
export type HandoffList = z.infer<typeof handoffListSchema>;
