import browser, { type Runtime } from 'webextension-polyfill';
import { createBackgroundService } from './background-service.ts';

/** The MV3 service worker: holds the proxy settings and makes every call to the proxy. */

const service = createBackgroundService({
  loadSettings: () => browser.storage.local.get(['proxyUrl', 'token']),
  hasOriginPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
  openOptions: () => browser.runtime.openOptionsPage(),
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only our own content scripts and pages talk to the worker; there is no external channel.
  if (sender.id !== browser.runtime.id) return undefined;
  return service.handle(message);
});
