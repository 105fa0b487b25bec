/** @jsxImportSource react */
import {
  DescriptionList,
  DescriptionListItem,
  Flex,
  Heading,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import type { ScoreView } from './vendor/upsignal-shared/index.ts';

/** The signals behind the score, each with its value and the rule it passed. */
export function FiredSignals({ signals }: { signals: ScoreView['firedSignals'] }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Signals that fired</Heading>
      {signals.length === 0 ? (
        <Text testId="upsignal-no-signals">No signal fired for this account.</Text>
      ) : (
        <DescriptionList direction="row">
          {signals.map((signal) => (
            <DescriptionListItem
              key={signal.id}
              label={signal.label}
              testId={`upsignal-signal-${signal.id}`}
            >
              <Text>{`${signal.valueText} (${signal.ruleText})`}</Text>
            </DescriptionListItem>
          ))}
        </DescriptionList>
      )}
    </Flex>
  );
}

/** The recommended plays, most urgent first, each with the reason it applies. */
export function PlayList({ plays }: { plays: ScoreView['plays'] }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Recommended plays</Heading>
      {plays.length === 0 ? (
        <Text testId="upsignal-no-plays">No play applies to this account right now.</Text>
      ) : (
        plays.map((play) => (
          <Tile compact key={play.id} testId={`upsignal-play-${play.id}`}>
            <Text format={{ fontWeight: 'demibold' }}>{play.title}</Text>
            <Text>{play.why}</Text>
          </Tile>
        ))
      )}
    </Flex>
  );
}
