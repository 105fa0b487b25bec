import {
  type HandoffResponse,
  handoffResponseSchema,
  type Problem,
  problemSchema,
  type ScoreResponse,
  scoreResponseSchema,
} from '@upsignal/shared';

/** A score response as the proxy sends it, checked against the shared contract. */
export function scoreFixture(overrides: Partial<ScoreResponse> = {}): ScoreResponse {
  return scoreResponseSchema.parse({
    account: {
      accountId: 'acct_northwind',
      name: 'Northwind Analytics',
      domain: 'northwind.io',
      plan: 'Team',
      mrr: 1200,
      renewalDate: '2026-09-30',
      salesforceAccountId: null,
      hubspotCompanyId: '9001',
    },
    score: 72,
    band: { id: 'hot', label: 'Expansion-ready', colour: '#ba0517' },
    quotaWall: [
      wall('seats', 'Seats', 'seats', 47, 50, 0.94, 6),
      wall('storage', 'Storage', 'GB', 120, 500, 0.24, null),
      wall('api_calls', 'API calls', 'calls', 1_120_000, 1_000_000, 1.12, 0),
    ],
    signals: [
      signal('seat_utilisation', 'Seat utilisation', 0.94, 0.9, 25, true, 'ratio'),
      signal('usage_spike', 'Usage spike', 4.2, 3.5, 15, true, 'z'),
      signal('dormancy', 'Dormant users', 0.05, 0.3, -10, false, 'ratio'),
    ],
    plays: [
      {
        id: 'api_addon',
        title: 'Offer the API add-on',
        why: 'API calls are over the plan.',
        priority: 2,
      },
      {
        id: 'seat_pack',
        title: 'Propose the seat pack',
        why: 'Seats are at 94% of Team.',
        priority: 1,
      },
    ],
    asOf: '2026-05-03',
    computedAt: '2026-05-04T08:00:00.000Z',
    stale: false,
    ...overrides,
  });
}

function wall(
  resource: string,
  label: string,
  unit: string,
  used: number,
  limit: number,
  utilisation: number,
  daysToWall: number | null,
) {
  return { resource, label, unit, used, limit, utilisation, daysToWall };
}

function signal(
  id: string,
  label: string,
  value: number,
  threshold: number,
  points: number,
  fired: boolean,
  unit: string,
) {
  return { id, label, value, threshold, direction: 'above', points, fired, unit };
}

export function handoffFixture(
  handoff: Partial<HandoffResponse['handoff']> = {},
  created = true,
): HandoffResponse {
  return handoffResponseSchema.parse({
    handoff: {
      id: 'ho_1',
      accountId: 'acct_northwind',
      playId: 'seat_pack',
      note: null,
      requestedBy: 'sam@seller.test',
      state: 'sent',
      channel: '#expansion',
      attempts: 1,
      lastError: null,
      slackTs: '1714800000.000100',
      permalink: null,
      createdAt: '2026-05-04T09:30:00.000Z',
      deliveredAt: '2026-05-04T09:30:01.000Z',
      ...handoff,
    },
    created,
  });
}

export function problemFixture(problem: Partial<Problem> & Pick<Problem, 'status'>): Problem {
  return problemSchema.parse({
    type: 'about:blank',
    title: 'Not Found',
    detail: 'No account matches hubspotCompanyId 9001.',
    ...problem,
  });
}
