import type { ProxyClient } from './proxy-client.ts';
import { isNotFound, ProxyRequestError } from './proxy-request-error.ts';
import type { ScoreResponse } from './vendor/upsignal-shared/index.ts';

export type Candidate = { accountId: string; name: string; domain: string | null };

export type ScoreState =
  | { status: 'loading' }
  | { status: 'loaded'; score: ScoreResponse }
  | { status: 'not-linked'; companyId: string; domain: string | null; candidates: Candidate[] }
  | { status: 'error'; message: string };

/**
 * Finds the company's account: first by its HubSpot id (an ACCOUNT_IDENTITIES `hubspot` row),
 * then by the company's domain, so that a company whose domain matches an account's links
 * itself. Never throws: every outcome is a state the card can draw.
 */
export async function loadScore(
  client: ProxyClient,
  companyId: string,
  readCompanyDomain: () => Promise<string | null>,
): Promise<ScoreState> {
  try {
    return { status: 'loaded', score: await client.getScore({ hubspotCompanyId: companyId }) };
  } catch (error) {
    if (!isNotFound(error)) return failed(error);
  }

  const domain = await readCompanyDomain().catch(() => null);
  if (!domain) return { status: 'not-linked', companyId, domain: null, candidates: [] };

  try {
    return { status: 'loaded', score: await client.getScore({ domain }) };
  } catch (error) {
    if (isNotFound(error)) return { status: 'not-linked', companyId, domain, candidates: [] };

    const candidates = ambiguousCandidates(error);
    if (candidates) return { status: 'not-linked', companyId, domain, candidates };
    return failed(error);
  }
}

/** A 409 on a domain lookup names the accounts that share the domain. */
function ambiguousCandidates(error: unknown): Candidate[] | null {
  if (!(error instanceof ProxyRequestError) || error.status !== 409) return null;
  return error.problem?.candidates ?? null;
}

function failed(error: unknown): ScoreState {
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'error', message };
}
