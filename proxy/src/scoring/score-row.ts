import { z } from 'zod';

/** One row of the score query, as both adapters normalise it. Validated at the boundary. */

const count = z.number().nullable();

export const scoreRowSchema = z.object({
  item_no: z.number().int(),
  account_id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  plan: z.string().nullable(),
  mrr: count,
  renewal_date: z.string().nullable(),
  seat_limit: count,
  storage_limit_gb: count,
  api_call_limit: count,
  salesforce_account_id: z.string().nullable(),
  hubspot_company_id: z.string().nullable(),
  as_of: z.string().nullable(),
  seats_used: count,
  storage_gb: count,
  api_calls_30d: count,
  seats_week_ago: count,
  seat_slope: count,
  storage_slope: count,
  api_slope: count,
  net_new_users: z.number(),
  power_users: z.number(),
  monthly_actives: z.number(),
  avg_daily_actives: z.number(),
  features_30d: z.number(),
  days_since_event: count,
  spike_calls: count,
  spike_median: count,
  spike_mad: count,
  /** Same-weekday days of the history that have a usage row at all. */
  spike_weeks_seen: z.number(),
});

export type ScoreRow = z.infer<typeof scoreRowSchema>;
