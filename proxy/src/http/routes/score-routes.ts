import {
  type AccountLookup,
  accountLookupSchema,
  type BatchResult,
  lookupKinds,
  MAX_BATCH_ITEMS,
  type ScoreResponse,
  type TopResponse,
} from '@upsignal/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { CacheOutcome, ScoreCache } from '../../cache/score-cache.ts';
import type { AppEnv } from '../app-env.ts';
import { HttpProblem, notFound } from '../http-problem.ts';
import { jsonWithETag } from '../json-with-etag.ts';
import { toHttpProblem } from '../problem-response.ts';
import { parseOrThrow } from '../validate.ts';

const batchSchema = z.strictObject({
  items: z
    .array(z.unknown())
    .min(1, 'send at least one item')
    .max(MAX_BATCH_ITEMS, `at most ${MAX_BATCH_ITEMS} items per request`),
});

const topQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export function scoreRoutes(cache: ScoreCache) {
  const routes = new Hono<AppEnv>();

  routes.get('/score', async (c) => {
    // Only our four parameters count; HubSpot appends its own (appId, portalId, …).
    const query = Object.fromEntries(
      lookupKinds.flatMap((kind) => {
        const value = c.req.query(kind);
        return value === undefined ? [] : [[kind, value]];
      }),
    );
    const lookup = parseOrThrow(accountLookupSchema, query, 'account lookup');

    const result = await cache.lookup(lookup);
    const score = scoreOrThrow(result, lookup);

    c.header('Cache-Control', `private, max-age=${result.stale ? 0 : result.remainingSeconds}`);
    return jsonWithETag(c, score);
  });

  routes.post('/scores', async (c) => {
    const body = parseOrThrow(batchSchema, jsonBody(c.get('rawBody')), 'batch request');
    const parsed = body.items.map((item) => accountLookupSchema.safeParse(item));

    const valid = parsed.flatMap((entry, index) =>
      entry.success ? [{ lookup: entry.data, index }] : [],
    );
    const outcomes = await cache.lookupMany(valid.map((entry) => entry.lookup));

    const results: BatchResult[] = parsed.map((entry, index) => {
      if (!entry.success) {
        const detail = entry.error.issues.map((issue) => issue.message).join('; ');
        return { ok: false, problem: problemOf(new HttpProblem(400, 'Bad request', detail)) };
      }

      const position = valid.findIndex((candidate) => candidate.index === index);
      const outcome = outcomes[position]!;
      try {
        if (outcome instanceof Error) throw outcome;
        return { ok: true, score: scoreOrThrow(outcome, entry.data) };
      } catch (error) {
        return { ok: false, problem: problemOf(toHttpProblem(error)) };
      }
    });

    return c.json({ results });
  });

  routes.get('/top', async (c) => {
    const { limit } = parseOrThrow(topQuerySchema, c.req.query(), 'query');
    const { scores } = await cache.all();

    const top = [...scores]
      .sort((a, b) => b.score - a.score || a.account.name.localeCompare(b.account.name))
      .slice(0, limit);
    const body: TopResponse = {
      accounts: top.map((score) => ({
        account: score.account,
        score: score.score,
        band: score.band,
        firedSignals: score.signals.filter((signal) => signal.fired).map((signal) => signal.id),
      })),
      computedAt: top[0]?.computedAt ?? new Date().toISOString(),
    };
    return jsonWithETag(c, body);
  });

  return routes;
}

function scoreOrThrow(result: CacheOutcome, lookup: AccountLookup): ScoreResponse {
  const { outcome } = result;

  if (outcome.kind === 'missing') {
    throw notFound(
      `No warehouse account has ${lookup.kind} "${lookup.value}". ` +
        'Link the record in ACCOUNT_IDENTITIES, or check the id.',
    );
  }
  if (outcome.kind === 'ambiguous') {
    throw new HttpProblem(
      409,
      'Ambiguous account',
      `${outcome.candidates.length} accounts share ${lookup.kind} "${lookup.value}"; ` +
        'look one up by its Salesforce, HubSpot or account id.',
      {
        candidates: outcome.candidates.map(({ accountId, name, domain }) => ({
          accountId,
          name,
          domain,
        })),
      },
    );
  }
  return { ...outcome.score, stale: result.stale };
}

function problemOf(problem: HttpProblem) {
  return {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(problem.extra.candidates ? { candidates: problem.extra.candidates } : {}),
  };
}

export function jsonBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpProblem(400, 'Bad request', 'The body is not valid JSON.');
  }
}
