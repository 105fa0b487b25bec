import { z } from 'zod';

/**
 * Everything the proxy reads from its environment, validated once at start. A bad value stops
 * the start with the variable's name and the reason; secrets are kept out of that message.
 */

const port = z.coerce.number().int().min(0).max(65_535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const url = z.url({ protocol: /^https?$/ });

export const environmentSchema = z
  .object({
    PORT: port.default(8787),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PUBLIC_BASE_URL: url.optional(),
    UPSIGNAL_WAREHOUSE: z.enum(['duckdb', 'snowflake']).default('duckdb'),
    UPSIGNAL_DUCKDB_PATH: z.string().trim().min(1).default('.upsignal/warehouse.duckdb'),
    UPSIGNAL_CONFIG: optionalText,
    UPSIGNAL_API_TOKEN: z.string().trim().min(16, 'use at least 16 characters').optional(),
    UPSIGNAL_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    UPSIGNAL_CACHE_MAX_ACCOUNTS: z.coerce.number().int().min(100).default(50_000),
    UPSIGNAL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    UPSIGNAL_DEMO_ACCOUNTS: z.coerce.number().int().min(10).max(100_000).default(60),
    UPSIGNAL_LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
      .default('info'),
    UPSIGNAL_LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    UPSIGNAL_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** Minutes between scheduled write-backs inside the proxy; 0 turns the schedule off. */
    UPSIGNAL_WRITEBACK_INTERVAL_MINUTES: z.coerce.number().min(0).default(0),
    SNOWFLAKE_ACCOUNT: optionalText,
    SNOWFLAKE_USER: optionalText,
    SNOWFLAKE_PRIVATE_KEY_PATH: optionalText,
    SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: optionalText,
    SNOWFLAKE_WAREHOUSE: optionalText,
    SNOWFLAKE_DATABASE: optionalText,
    SNOWFLAKE_SCHEMA: optionalText,
    SNOWFLAKE_ROLE: optionalText,
    SNOWFLAKE_ACCESS_URL: url.optional(),
    SNOWFLAKE_POOL_MAX: z.coerce.number().int().min(1).max(64).default(8),
    HUBSPOT_CLIENT_SECRET: optionalText,
    SLACK_BOT_TOKEN: optionalText,
    SLACK_DEFAULT_CHANNEL: optionalText,
    SLACK_API_URL: url.optional(),
    /** How long one Slack call may take before it counts as a failed attempt. */
    SLACK_TIMEOUT_MS: z.coerce.number().int().min(1).max(120_000).default(10_000),
    /** Slack delivery attempts per handoff before it is marked failed. */
    UPSIGNAL_HANDOFF_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    /** The first retry's delay; each later one doubles it (capped at 15 minutes). */
    UPSIGNAL_HANDOFF_BACKOFF_MS: z.coerce.number().int().min(1).default(30_000),
    /** How long `POST /v1/handoffs` waits for the first Slack attempt before answering. */
    UPSIGNAL_HANDOFF_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(3_000),
    /** `https://<your-domain>.lightning.force.com`, for record links in Slack messages. */
    SALESFORCE_BASE_URL: url.optional(),
    /** The HubSpot account (portal) id, for record links in Slack messages. */
    HUBSPOT_PORTAL_ID: optionalText.pipe(
      z
        .string()
        .regex(/^\d{1,20}$/, 'a HubSpot portal id is a number')
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.UPSIGNAL_WAREHOUSE !== 'snowflake') return;
    for (const name of [
      'SNOWFLAKE_ACCOUNT',
      'SNOWFLAKE_USER',
      'SNOWFLAKE_PRIVATE_KEY_PATH',
    ] as const) {
      if (!env[name]) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'required when UPSIGNAL_WAREHOUSE=snowflake',
        });
      }
    }
  });

export type Environment = z.infer<typeof environmentSchema> & { PUBLIC_BASE_URL: string };

export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}

export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    // Only names and reasons: a rejected value may be a secret.
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    );
    throw new EnvironmentError(`invalid environment:\n${lines.join('\n')}`);
  }

  const env = parsed.data;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://${host}:${env.PORT}`).replace(/\/+$/, '');
  return { ...env, PUBLIC_BASE_URL: publicBaseUrl };
}
