import type { SignalView } from '@upsignal/shared';

/** The signals that fired, each with its value and the rule that made it count. */
export function FiredSignals({ signals }: { signals: SignalView[] }) {
  return (
    <section aria-label="Why">
      <h3 class="section-title">Why</h3>
      {signals.length === 0 ? (
        <p class="muted" data-testid="upsignal-no-signals">
          No expansion signal fired.
        </p>
      ) : (
        <ul class="signals">
          {signals.map((signal) => (
            <li key={signal.id} class="signal" data-testid={`upsignal-signal-${signal.id}`}>
              <span class="signal-label">{signal.label}</span>
              <span class="signal-value">{signal.valueText}</span>
              <span class="signal-rule muted">{signal.ruleText}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
