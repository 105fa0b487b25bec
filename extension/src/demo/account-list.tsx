import type { TopAccount } from '@upsignal/shared';

type Props = {
  accounts: TopAccount[];
  selectedId: string | null;
  onSelect(accountId: string): void;
};

/** The left-hand list of the demo's accounts, highest score first, as the proxy ranks them. */
export function AccountList({ accounts, selectedId, onSelect }: Props) {
  return (
    <nav class="account-list" aria-label="Accounts">
      <h2>Accounts</h2>
      <ul>
        {accounts.map(({ account, score, band }) => (
          <li key={account.accountId}>
            <a
              href={`?account=${encodeURIComponent(account.accountId)}`}
              class={account.accountId === selectedId ? 'selected' : undefined}
              aria-current={account.accountId === selectedId ? 'page' : undefined}
              data-testid={`demo-account-${account.accountId}`}
              onClick={(event) => {
                event.preventDefault();
                onSelect(account.accountId);
              }}
            >
              <span class="account-name">{account.name}</span>
              <span class="account-score" style={{ backgroundColor: band.colour }}>
                {score}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
