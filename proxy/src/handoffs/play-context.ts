import type { PlayRule, ScoreResponse } from '@upsignal/shared';
import { fillWhy } from '../scoring/evaluate-score.ts';

/** The play a seller handed off, with its reason and whether its rule fires right now. */
export type PlayContext = { id: string; title: string; why: string; fired: boolean };

/**
 * A seller may hand off any configured play, not only one that fires: they know things the
 * data does not. A firing play's reason comes from the score as the seller saw it; for any
 * other play the same placeholders ({plan}, {signal_id}) are filled from the live values.
 */
export function playContext(rule: PlayRule, score: ScoreResponse): PlayContext {
  const firing = score.plays.find((play) => play.id === rule.id);
  if (firing) return { id: rule.id, title: firing.title, why: firing.why, fired: true };

  const signals = new Map(score.signals.map((signal) => [signal.id, signal]));
  const why = fillWhy(rule.why, score.account.plan, signals);
  return { id: rule.id, title: rule.title, why, fired: false };
}
