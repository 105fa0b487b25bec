/** @jsxImportSource react */
import { Button, EmptyState, ErrorState, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { Candidate } from './load-score.ts';

export function LoadingView() {
  return (
    <LoadingSpinner
      label="Loading the expansion score"
      layout="centered"
      testId="upsignal-loading"
    />
  );
}

export function ErrorView({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <ErrorState title="The expansion score could not be loaded" testId="upsignal-error">
      <Text testId="upsignal-error-message">{message}</Text>
      <Button onClick={onRetry} testId="upsignal-retry">
        Try again
      </Button>
    </ErrorState>
  );
}

type NotLinkedProps = { companyId: string; domain: string | null; candidates: Candidate[] };

/** No warehouse account matches this company: say how an admin links one. */
export function NotLinkedView({ companyId, domain, candidates }: NotLinkedProps) {
  return (
    <EmptyState
      title="This company is not linked to a warehouse account"
      imageName="companies"
      layout="vertical"
      testId="upsignal-not-linked"
    >
      <Text testId="upsignal-link-by-id">
        {`Ask your Upsignal admin to add a row to ACCOUNT_IDENTITIES with kind "hubspot" and ` +
          `value "${companyId}" for this company's account.`}
      </Text>
      <Text testId="upsignal-link-by-domain">{domainAdvice(domain, candidates)}</Text>
    </EmptyState>
  );
}

function domainAdvice(domain: string | null, candidates: Candidate[]): string {
  if (!domain) {
    return (
      "Or set this company's domain in HubSpot to the account's domain: " +
      'the card then finds it by domain.'
    );
  }
  if (candidates.length > 0) {
    const names = candidates.map((candidate) => `${candidate.name} (${candidate.accountId})`);
    return (
      `Several accounts use ${domain}: ${names.join(', ')}. ` +
      'A "hubspot" row says which one this is.'
    );
  }
  return `No account uses this company's domain, ${domain}, either.`;
}
