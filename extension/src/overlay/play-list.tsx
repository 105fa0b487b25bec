import type { Play } from '@upsignal/shared';

/** The recommended next steps, most urgent first, each with the reason it applies. */
export function PlayList({ plays }: { plays: Play[] }) {
  return (
    <section aria-label="Next steps">
      <h3 class="section-title">Next steps</h3>
      {plays.length === 0 ? (
        <p class="muted" data-testid="upsignal-no-plays">
          No play recommended right now.
        </p>
      ) : (
        <ol class="plays">
          {plays.map((play) => (
            <li key={play.id} class="play" data-testid={`upsignal-play-${play.id}`}>
              <span class="play-title">{play.title}</span>
              <span class="play-why">{play.why}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
