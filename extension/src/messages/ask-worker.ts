import browser from 'webextension-polyfill';
import { fail } from './failure.ts';
import {
  type WorkerRequest,
  type WorkerRequestType,
  type WorkerResponse,
  workerResponseSchemas,
} from './worker-messages.ts';

/**
 * Sends one request to the background worker and checks the answer's shape. A content script
 * outlives its extension when the extension is reloaded or updated; its messages then fail,
 * and only a page reload reconnects it.
 */
export async function askWorker<T extends WorkerRequestType>(
  request: Extract<WorkerRequest, { type: T }>,
): Promise<WorkerResponse<T>> {
  let answer: unknown;
  try {
    answer = await browser.runtime.sendMessage(request);
  } catch (error) {
    // Every answer type admits a failure; TypeScript cannot see that through the generic.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      'reload_page',
      `Lost contact with the Upsignal extension (${reason}).`,
    ) as WorkerResponse<T>;
  }

  const schema = workerResponseSchemas[request.type as T];
  const parsed = schema.safeParse(answer);
  if (!parsed.success) {
    return fail(
      'invalid_response',
      'The Upsignal extension answered in an unknown shape',
    ) as WorkerResponse<T>;
  }
  return parsed.data as WorkerResponse<T>;
}
