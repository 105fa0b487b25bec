/** @jsxImportSource react */
import { Flex, Heading, ProgressBar, Text } from '@hubspot/ui-extensions';
import type { GaugeLevel, GaugeView } from './vendor/upsignal-shared/index.ts';

const barVariant: Record<GaugeLevel, 'success' | 'warning' | 'danger'> = {
  ok: 'success',
  watch: 'warning',
  near: 'danger',
  at_wall: 'danger',
};

/** One bar per metered resource: how full it is and how many days are left to the limit. */
export function QuotaGauges({ gauges }: { gauges: GaugeView[] }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Quota wall</Heading>
      {gauges.length === 0 ? (
        <Text testId="upsignal-no-gauges">This plan has no metered limits.</Text>
      ) : (
        gauges.map((gauge) => (
          <Flex direction="column" gap="flush" key={gauge.resource}>
            <ProgressBar
              title={gauge.label}
              value={gauge.percent}
              maxValue={100}
              valueDescription={`${gauge.usageText} (${gauge.percentText})`}
              variant={barVariant[gauge.level]}
              testId={`upsignal-gauge-${gauge.resource}`}
            />
            <Text variant="microcopy" testId={`upsignal-wall-${gauge.resource}`}>
              {`${gauge.levelLabel}: ${gauge.wallText}`}
            </Text>
          </Flex>
        ))
      )}
    </Flex>
  );
}
