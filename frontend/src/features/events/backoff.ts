/** Exponential back-off with jitter: 0.5 s, 1 s, 2 s … capped at `max` ms. */
export function backoffDelay(attempt: number, base = 500, max = 15_000, random: () => number = Math.random): number {
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt));
  const jitter = 0.8 + 0.4 * random();
  return Math.round(Math.min(max, exp * jitter));
}
