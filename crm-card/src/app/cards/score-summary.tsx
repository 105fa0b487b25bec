/** @jsxImportSource react */
import { Flex, Heading, ScoreCircle, Tag, Text } from '@hubspot/ui-extensions';
import { bandTagVariant } from './band-tag-variant.ts';
import type { ScoreResponse, ScoreView } from './vendor/upsignal-shared/index.ts';

type Props = { account: ScoreResponse['account']; view: ScoreView };

/** The score, its band, and how fresh the data behind it is. */
export function ScoreSummary({ account, view }: Props) {
  return (
    <Flex direction="row" gap="md" align="center">
      <ScoreCircle score={view.score} testId="upsignal-score" />
      <Flex direction="column" gap="xs">
        <Heading testId="upsignal-account">{account.name}</Heading>
        <Flex direction="row" gap="xs" align="center">
          <Tag variant={bandTagVariant(view.bandColour)} testId="upsignal-band">
            {view.bandLabel}
          </Tag>
          {view.stale ? (
            <Tag variant="warning" testId="upsignal-stale">
              Stale
            </Tag>
          ) : null}
        </Flex>
        <Text variant="microcopy" testId="upsignal-freshness">
          {account.plan ? `${account.plan} plan · ` : ''}
          {view.freshnessText}
        </Text>
      </Flex>
    </Flex>
  );
}
