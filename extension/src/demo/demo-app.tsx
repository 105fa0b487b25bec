import type { TopAccount } from '@upsignal/shared';
import { useEffect, useState } from 'preact/hooks';
import type { Failure } from '../messages/failure.ts';
import { failureAdvice } from '../overlay/failure-advice.ts';
import type { createOverlayMount } from '../overlay/mount-overlay.tsx';
import { AccountList } from './account-list.tsx';
import { DEMO_CREDENTIALS_ADVICE, type DemoHost } from './demo-host.ts';
import { accountFromQuery, urlForAccount } from './demo-location.ts';
import { RecordHeader } from './record-header.tsx';

type Props = { demo: DemoHost; overlay: ReturnType<typeof createOverlayMount> };

/**
 * A stand-in for a Lightning account record: the proxy's top accounts on the left, the chosen
 * one's record in the middle, and the same overlay the extension mounts in Salesforce.
 */
export function DemoApp({ demo, overlay }: Props) {
  const [accounts, setAccounts] = useState<TopAccount[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [chosenId, setChosenId] = useState(accountFromQuery(location.search));

  useEffect(() => {
    demo.topAccounts().then((result) => {
      if (result.ok) setAccounts(result.value.accounts);
      else setFailure(result.failure);
    });
  }, [demo]);

  useEffect(() => {
    const onPopState = () => setChosenId(accountFromQuery(location.search));
    addEventListener('popstate', onPopState);
    return () => removeEventListener('popstate', onPopState);
  }, []);

  // An account missing from the list (an old link) falls back to the top-scored one.
  const selected =
    accounts?.find((item) => item.account.accountId === chosenId) ?? accounts?.[0] ?? null;
  const selectedId = selected?.account.accountId ?? null;

  useEffect(() => {
    if (!selectedId) return;
    const page = new AbortController();
    overlay.show({ kind: 'accountId', value: selectedId }, page.signal);
    return () => page.abort();
  }, [overlay, selectedId]);

  const choose = (accountId: string) => {
    history.pushState(null, '', urlForAccount(new URL(location.href), accountId));
    setChosenId(accountId);
  };

  return (
    <div class="layout">
      <AccountList accounts={accounts ?? []} selectedId={selectedId} onSelect={choose} />
      <main class="record">
        {failure && <DemoFailure failure={failure} />}
        {!failure && !accounts && <p class="muted">Loading accounts…</p>}
        {accounts && accounts.length === 0 && (
          <p class="muted">The warehouse has no scored accounts yet.</p>
        )}
        {selected && <RecordHeader account={selected.account} />}
      </main>
    </div>
  );
}

function DemoFailure({ failure }: { failure: Failure }) {
  const advice = failureAdvice(failure, DEMO_CREDENTIALS_ADVICE);
  return (
    <div class="demo-error" role="alert" data-testid="demo-error">
      <strong>{advice.title}</strong>
      <p>{advice.detail}</p>
    </div>
  );
}
