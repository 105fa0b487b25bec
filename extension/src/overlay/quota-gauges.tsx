import type { GaugeView } from '@upsignal/shared';

/** One bar per metered resource: how full it is and when it hits the plan limit. */
export function QuotaGauges({ gauges }: { gauges: GaugeView[] }) {
  if (gauges.length === 0) return null;

  return (
    <section aria-label="Quota wall">
      <h3 class="section-title">Quota wall</h3>
      <ul class="gauges">
        {gauges.map((gauge) => (
          <li key={gauge.resource} class="gauge" data-testid={`upsignal-gauge-${gauge.resource}`}>
            <div class="gauge-head">
              <span class="gauge-label">{gauge.label}</span>
              <span class="gauge-percent" data-testid="upsignal-gauge-percent">
                {gauge.percentText}
              </span>
            </div>
            {/* Decoration: the percentage and usage lines say the same in words. */}
            <div class="gauge-track" aria-hidden="true">
              <div
                class="gauge-fill"
                style={{ width: `${gauge.percent}%`, backgroundColor: gauge.colour }}
              />
            </div>
            <div class="gauge-foot muted">
              <span data-testid="upsignal-gauge-usage">{gauge.usageText}</span>
              <span data-testid="upsignal-gauge-wall" style={{ color: gauge.colour }}>
                {wallLine(gauge)}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Headroom needs only the forecast; a full resource needs only its level ("At the limit"). */
function wallLine(gauge: GaugeView): string {
  if (gauge.level === 'ok') return gauge.wallText;
  if (gauge.level === 'at_wall') return gauge.levelLabel;
  return `${gauge.levelLabel} · ${gauge.wallText}`;
}
