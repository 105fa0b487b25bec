import type {
  AccountLookup,
  HandoffList,
  HandoffRequest,
  HandoffResponse,
  ScoreResponse,
} from '@upsignal/shared';
import type { Result } from '../messages/failure.ts';

/**
 * What the overlay needs from the page it is mounted in. The extension answers through its
 * background worker; the /demo page answers with same-origin fetch to the proxy serving it.
 */
export type OverlayHost = {
  getScore(lookup: AccountLookup, signal: AbortSignal): Promise<Result<ScoreResponse>>;
  listHandoffs(accountId: string, signal: AbortSignal): Promise<Result<HandoffList>>;
  createHandoff(request: HandoffRequest): Promise<Result<HandoffResponse>>;
  /** Opens the extension's options page; absent where there is none. */
  openOptions?: () => void;
  /** How to fix missing or refused credentials where there is no options page. */
  credentialsAdvice?: string;
  loadCollapsed(): Promise<boolean>;
  saveCollapsed(collapsed: boolean): Promise<void>;
};
