import type { Account } from '@upsignal/shared';

/** A Lightning-like record header and details card for the chosen account. */
export function RecordHeader({ account }: { account: Account }) {
  const fields: [string, string][] = [
    ['Domain', account.domain ?? '—'],
    ['Plan', account.plan ?? '—'],
    ['MRR', account.mrr === null ? '—' : `$${account.mrr.toLocaleString('en-US')}`],
    ['Renewal date', account.renewalDate ?? '—'],
    ['Salesforce Id', account.salesforceAccountId ?? '—'],
    ['HubSpot company', account.hubspotCompanyId ?? '—'],
  ];

  return (
    <>
      <header class="record-header">
        <div class="record-icon" aria-hidden="true">
          A
        </div>
        <div>
          <p class="record-kind">Account</p>
          <h1 data-testid="demo-record-name">{account.name}</h1>
        </div>
      </header>
      <ul class="highlights">
        <li>
          <span>Domain</span>
          <strong data-testid="demo-record-domain">{account.domain ?? '—'}</strong>
        </li>
        <li>
          <span>Plan</span>
          <strong data-testid="demo-record-plan">{account.plan ?? '—'}</strong>
        </li>
      </ul>
      <section class="details">
        <h2>Details</h2>
        <dl>
          {fields.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
