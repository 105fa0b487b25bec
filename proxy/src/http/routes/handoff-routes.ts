import { type HandoffList, type HandoffResponse, handoffRequestSchema } from '@upsignal/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { HandoffService } from '../../handoffs/handoff-service.ts';
import type { AppEnv, Principal } from '../app-env.ts';
import { parseOrThrow } from '../validate.ts';
import { jsonBody } from './score-routes.ts';

const listQuerySchema = z.object({
  accountId: z.string({ error: 'accountId is required' }).trim().min(1).max(128),
});

/** `POST /v1/handoffs` hands an account and a play to Slack; `GET` lists an account's. */
export function handoffRoutes(handoffs: HandoffService) {
  const routes = new Hono<AppEnv>();

  routes.post('/', async (c) => {
    const request = parseOrThrow(handoffRequestSchema, jsonBody(c.get('rawBody')), 'handoff');
    const requester = requesterOf(c.get('principal'), request.requester);

    const { handoff, created } = await handoffs.create(request, requester, c.get('log'));
    const body: HandoffResponse = { handoff, created };
    return c.json(body, created ? 201 : 200);
  });

  routes.get('/', async (c) => {
    const { accountId } = parseOrThrow(
      listQuerySchema,
      { accountId: c.req.query('accountId') },
      'query',
    );
    const body: HandoffList = { handoffs: await handoffs.list(accountId) };
    return c.json(body);
  });

  return routes;
}

/**
 * A bearer token names its own user. A HubSpot-signed body may name the clicking user, because
 * the signature covers the body; an unsigned claim in the body is ignored.
 */
function requesterOf(principal: Principal, claimed: string | undefined): string {
  if (principal.kind === 'token') return principal.email;
  return claimed ?? 'HubSpot user';
}
