import { render } from 'preact';
import browser from 'webextension-polyfill';
import { OptionsForm } from './options-form.tsx';

/** The options page: where a seller pastes the proxy URL and token their admin gave them. */

render(
  <OptionsForm
    load={async () => {
      const stored = await browser.storage.local.get(['proxyUrl', 'token']);
      return {
        proxyUrl: typeof stored.proxyUrl === 'string' ? stored.proxyUrl : '',
        token: typeof stored.token === 'string' ? stored.token : '',
      };
    }}
    save={(settings) => browser.storage.local.set(settings)}
    requestPermission={(originPattern) => browser.permissions.request({ origins: [originPattern] })}
  />,
  document.getElementById('app')!,
);
