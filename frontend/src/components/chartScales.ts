/** Axis rules of the step charts (pure, so they are tested without a canvas). */

/** Tick spacings for a step axis: whole steps only (uPlot picks the first that fits). */
export const STEP_INCREMENTS: number[] = (() => {
  const out: number[] = [];
  for (let mag = 1; mag <= 1e9; mag *= 10) out.push(mag, 2 * mag, 5 * mag);
  return out;
})();

/**
 * The y range for values between `min` and `max`: a flat series (e.g. an all-zero loss) gets a small
 * band around its value instead of uPlot's 0–100; otherwise 5 % headroom on both sides.
 */
export function valueRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max - min <= Math.abs(max) * 1e-9) {
    if (min === 0) return [0, 1];
    const pad = Math.abs(min) * 0.1;
    return [min - pad, max + pad];
  }
  const pad = (max - min) * 0.05;
  return [min >= 0 && min - pad < 0 ? 0 : min - pad, max + pad];
}

function tickLabel(v: number, digits: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs < 1e-3 || abs >= 1e5) {
    const [mantissa, exp] = v.toExponential(digits - 1).split('e');
    return `${String(Number(mantissa))}e${(exp ?? '').replace('+', '')}`;
  }
  return String(Number(v.toPrecision(digits)));
}

/**
 * Labels for y ticks: the fewest significant digits that keep every tick distinct, so small values
 * (learning rates of 1e-4) read "1e-4, 2e-4" instead of rounding to "0, 0.0".
 */
export function tickLabels(ticks: number[]): string[] {
  for (let digits = 1; digits <= 10; digits += 1) {
    const labels = ticks.map((t) => tickLabel(t, digits));
    if (new Set(labels).size === new Set(ticks).size) return labels;
  }
  return ticks.map((t) => String(t));
}
