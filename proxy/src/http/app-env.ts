import type { Logger } from '../observability/logger.ts';

/** Who made a request, once authenticated. */
export type Principal =
  | { kind: 'token'; email: string }
  | { kind: 'hubspot'; portalId: string | null; appId: string | null };

/** Hono's typed context variables for the proxy's app. */
export type AppEnv = {
  Variables: {
    requestId: string;
    principal: Principal;
    log: Logger;
    /** The raw request body, kept for signature checks and parsed once by routes. */
    rawBody: string;
  };
};

export function principalName(principal: Principal): string {
  return principal.kind === 'token' ? principal.email : `hubspot:${principal.portalId ?? '?'}`;
}
