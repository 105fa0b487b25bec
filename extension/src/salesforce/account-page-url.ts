import { isAccountId, toSalesforceId18 } from '@upsignal/shared';

/**
 * Which Salesforce Account record a Lightning URL shows, if any. Salesforce documents that
 * Lightning URLs may change shape, so every rule lives here, with the shapes it was written for
 * at the end of the file.
 */

export type AccountPage = {
  /** Always the 18-character form, whichever form the URL carried. */
  salesforceAccountId: string;
  view: 'view' | 'edit' | 'related';
};

// Production `<domain>.lightning.force.com`, sandboxes `<domain>--<sbx>.sandbox.lightning…`,
// and the developer/scratch variants (`.develop.`, `.scratch.`) that the manifest also matches.
const LIGHTNING_HOST = /^(?:[a-z0-9-]+\.)+lightning\.force\.com$/i;

const RECORD_PATH = new RegExp(
  '^/lightning/r/Account/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})' +
    '/(view|edit|related/[A-Za-z0-9_]+/view)/?$',
);

export function parseAccountPageUrl(url: string | URL): AccountPage | null {
  const parsed = toUrl(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'https:' || !LIGHTNING_HOST.test(parsed.hostname)) return null;

  const match = RECORD_PATH.exec(parsed.pathname);
  if (!match) return null;

  const id = toSalesforceId18(match[1]!);
  if (!id.ok || !isAccountId(id.id)) return null;

  const view = match[2]!.startsWith('related/') ? 'related' : (match[2] as 'view' | 'edit');
  return { salesforceAccountId: id.id, view };
}

function toUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/*
 * Page shapes this parser was written for (Lightning Experience, Winter '25 to Spring '26):
 *
 * https://acme.lightning.force.com/lightning/r/Account/001Dn00000A1b2cIAB/view
 * https://acme.lightning.force.com/lightning/r/Account/001Dn00000A1b2c/view        (15-char Id)
 * https://acme.lightning.force.com/lightning/r/Account/001Dn00000A1b2cIAB/edit
 * https://acme.lightning.force.com/lightning/r/Account/001Dn00000A1b2cIAB/related/Contacts/view
 * https://acme.lightning.force.com/lightning/r/Account/001Dn00000A1b2cIAB/view?0.source=alohaHeader
 * https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/001Dn00000A1b2cIAB/view
 *
 * Not account records (no overlay):
 * https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent
 * https://acme.lightning.force.com/lightning/r/Contact/003Dn00000X9y8zIAB/view
 * https://acme.lightning.force.com/lightning/r/Opportunity/006Dn00000Q1w2eIAB/view
 * https://acme.lightning.force.com/lightning/page/home
 * https://acme.lightning.force.com/lightning/setup/SetupOneHome/home
 */
