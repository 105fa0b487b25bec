import { lookupKinds } from '@upsignal/shared';
import fc from 'fast-check';

/**
 * Generators of what hostile or broken clients send to the proxy. Every value is ASCII that
 * node:http will put on the wire as it is (see raw-http.ts), escapes included.
 */

/** Stands for the seller's real token; the test swaps it in, as it is known only at run time. */
export const VALID_TOKEN = 'Bearer <valid token>';

// Query parts as clients write them: encoded text, or escapes that decode to nothing valid.
const brokenEscape = fc.constantFrom('%', '%E0%A4%A', '%zz', '%00', '%FF%FE', '%C0%AF', '%2e%2e');
export const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.stringMatching(/^[0-9A-Za-z]{15,18}$/),
  fc.domain(),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
);
export const queryPart = fc.oneof(text.map(encodeURIComponent), brokenEscape);

const queryKey = fc.oneof(
  fc.constantFrom(...lookupKinds, 'limit', 'portalId', 'appId', '__proto__', 'constructor'),
  queryPart,
);
export const queryString = fc
  .array(fc.tuple(queryKey, fc.option(queryPart, { nil: undefined })), { maxLength: 5 })
  .map((pairs) =>
    pairs.map(([key, value]) => (value === undefined ? key : `${key}=${value}`)).join('&'),
  );

// A lookup a seller's page would send (one of a demo account's identities, or one kind with a
// generated value) among the parameters HubSpot and others append.
const knownLookup = fc.constantFrom(
  'salesforceAccountId=001Dm0000000005IAA',
  'salesforceAccountId=001Dm0000000005',
  'hubspotCompanyId=0009000005',
  'domain=https%3A%2F%2FWWW.Umbrella-Labs.com%2Fpricing',
  'accountId=acc_00005',
);
const lookupParam = fc.oneof(
  knownLookup,
  fc.tuple(fc.constantFrom(...lookupKinds), queryPart).map(([kind, value]) => `${kind}=${value}`),
);
const extraParam = fc
  .tuple(
    fc.oneof(fc.constantFrom('appId', 'portalId', 'userId', '__proto__'), queryPart),
    queryPart,
  )
  .map(([key, value]) => `${key}=${value}`);

/** Mostly one lookup among extra parameters, in any order; sometimes anything at all. */
export const scoreQuery = fc.oneof(
  fc
    .tuple(lookupParam, fc.array(extraParam, { maxLength: 3 }))
    .chain(([lookup, extras]) =>
      fc.shuffledSubarray([lookup, ...extras], { minLength: extras.length + 1 }),
    )
    .map((params) => params.join('&')),
  queryString,
);

const lookupLike = fc.dictionary(
  fc.oneof(fc.constantFrom(...lookupKinds), fc.string({ maxLength: 10 })),
  fc.oneof(text, fc.jsonValue({ maxDepth: 2 })),
  { maxKeys: 3 },
);

/** Bodies for POST /v1/accounts/scores: batches of odd items, other JSON, or not JSON. */
export const batchBody = fc.oneof(
  fc
    .record({
      items: fc.array(fc.oneof(lookupLike, fc.jsonValue({ maxDepth: 2 })), { maxLength: 30 }),
    })
    .map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 60 }),
);

const field = fc.oneof(text, fc.jsonValue({ maxDepth: 2 }));

/** Bodies for POST /v1/handoffs: any subset of its fields, each right or wrong, or not JSON. */
export const handoffBody = fc.oneof(
  fc
    .record(
      {
        accountId: fc.oneof(fc.constantFrom('acc_00001', 'acc_00002'), field),
        playId: fc.oneof(fc.constantFrom('seat-pack', 'api-tier'), field),
        idempotencyKey: fc.oneof(fc.uuid(), field),
        note: field,
        requester: fc.oneof(fc.emailAddress(), field),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 60 }),
);

export const anyMethod = fc.constantFrom(
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
);

export const anyPath = fc.oneof(
  fc.constantFrom(
    '/healthz',
    '/metrics',
    '/v1/accounts/score',
    '/v1/accounts/scores',
    '/v1/accounts/top',
    '/v1/handoffs',
    '/v1',
    '/v1/',
    '/v2/accounts/score',
  ),
  fc.array(queryPart, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
  fc.array(queryPart, { maxLength: 3 }).map((parts) => `/v1/accounts/${parts.join('/')}`),
);

const headerValue = fc.string({ maxLength: 60 }).filter((value) => /^[\x20-\x7e]*$/.test(value));

export const anyHeaders = fc.record(
  {
    authorization: fc.oneof(
      fc.constant(VALID_TOKEN),
      headerValue,
      headerValue.map((value) => `Bearer ${value}`),
    ),
    'content-type': fc.oneof(fc.constantFrom('application/json', 'text/plain'), headerValue),
    'x-hubspot-signature-v3': headerValue,
    'x-hubspot-request-timestamp': fc.oneof(headerValue, fc.nat().map(String)),
    'x-forwarded-for': headerValue,
  },
  { requiredKeys: [] },
);

export const anyBody = fc.option(fc.oneof(fc.string({ maxLength: 80 }), fc.json()), {
  nil: undefined,
});
