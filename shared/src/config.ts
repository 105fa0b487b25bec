import { z } from 'zod';

/**
 * The signals-and-plays configuration a RevOps admin edits (YAML on disk). The signals
 * themselves are fixed by the scoring SQL; the configuration decides which count, when each
 * fires, how many points it is worth, and which plays follow.
 */

export const signalIds = [
  'seat_utilisation',
  'storage_utilisation',
  'api_utilisation',
  'days_to_wall',
  'seat_growth',
  'net_new_active_users',
  'usage_spike',
  'power_users',
  'feature_breadth',
  'stickiness',
  'dormancy',
] as const;

export type SignalId = (typeof signalIds)[number];

const signalRuleSchema = z.strictObject({
  threshold: z.number(),
  points: z.number().int().min(-100).max(100),
  enabled: z.boolean().default(true),
});

const bandRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  label: z.string().min(1),
  min: z.number().int().min(0).max(100),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb'),
});

const playRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a play id is lower-case letters, digits, _ or -'),
  title: z.string().min(1),
  /** A sentence for the seller; {signal_id} and {plan} are replaced with live values. */
  why: z.string().min(1),
  priority: z.number().int().min(1).max(9),
  /** Slack channel for handoffs of this play; SLACK_DEFAULT_CHANNEL otherwise. */
  channel: z.string().optional(),
  when: z.strictObject({
    /** Every one of these signals fired. */
    all: z.array(z.enum(signalIds)).default([]),
    /** At least one of these signals fired (ignored when empty). */
    any: z.array(z.enum(signalIds)).default([]),
    /** The account is on one of these plans (ignored when empty). */
    plans: z.array(z.string()).default([]),
    minScore: z.number().int().min(0).max(100).default(0),
  }),
});

export const scoringConfigSchema = z
  .strictObject({
    bands: z.array(bandRuleSchema).min(1),
    signals: z.strictObject(
      Object.fromEntries(signalIds.map((id) => [id, signalRuleSchema])) as Record<
        SignalId,
        typeof signalRuleSchema
      >,
    ),
    spike: z
      .strictObject({
        /** Weeks of same-weekday history the latest day is compared with. */
        historyWeeks: z.number().int().min(2).max(26).default(8),
        /** Days with fewer API calls than this never count as a spike. */
        minDailyVolume: z.number().min(0).default(50),
        /** Lower bound for the MAD, so flat series do not divide by zero. */
        madFloor: z.number().positive().default(1),
        /**
         * Lower bound for the MAD as a share of the median: with eight samples the MAD of a
         * steady series can come out tiny by chance, and then a 5% wobble looks like a spike.
         */
        madFloorRatio: z.number().min(0).max(1).default(0.05),
      })
      .default({ historyWeeks: 8, minDailyVolume: 50, madFloor: 1, madFloorRatio: 0.05 }),
    /** Days of usage the growth trend (and so days to the wall) is fitted on. */
    trendDays: z.number().int().min(3).max(90).default(14),
    handoff: z
      .strictObject({ cooldownDays: z.number().min(0).max(365).default(7) })
      .default({ cooldownDays: 7 }),
    plays: z.array(playRuleSchema),
  })
  .superRefine((config, ctx) => {
    if (!config.bands.some((band) => band.min === 0)) {
      ctx.addIssue({ code: 'custom', path: ['bands'], message: 'one band must start at min: 0' });
    }
    const seen = new Set<string>();
    config.plays.forEach((play, index) => {
      if (seen.has(play.id)) {
        ctx.addIssue({ code: 'custom', path: ['plays', index, 'id'], message: 'duplicate id' });
      }
      seen.add(play.id);
    });
  });

export type ScoringConfig = z.infer<typeof scoringConfigSchema>;
export type PlayRule = ScoringConfig['plays'][number];
export type BandRule = ScoringConfig['bands'][number];
