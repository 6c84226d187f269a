/**
 * The learning rate a run will use at each step, from its recipe, exactly as mlx-lm computes it
 * (mlx_lm.tuner.utils.build_schedule over the keys backend/schemas/recipe.py writes): linear warmup from 0
 * over `warmup_steps` optimizer updates, then constant, cosine or linear decay to `min_learning_rate` on
 * the last update. The trainer reports the rate of the latest update, so step s shows update
 * floor(s / grad_accumulation_steps) - 1 (update 0 before the first one).
 */
export interface RecipeShape {
  learning_rate: number;
  iterations: number;
  lr_schedule: string;
  warmup_steps: number;
  min_learning_rate: number;
  grad_accumulation_steps: number;
}

export function optimizerUpdates(iterations: number, accumulation: number): number {
  return Math.max(1, Math.floor(iterations / Math.max(1, accumulation)));
}

export function rateAtUpdate(r: RecipeShape, u: number): number {
  const lr = r.learning_rate;
  const warmup = Math.max(0, r.warmup_steps);
  if (warmup && u <= warmup) return (lr * u) / warmup;
  if (r.lr_schedule === 'constant') return lr;
  const updates = optimizerUpdates(r.iterations, r.grad_accumulation_steps);
  const start = warmup ? warmup + 1 : 0;
  const span = Math.max(1, updates - 1 - start);
  const s = Math.min(u - start, span);
  const low = r.min_learning_rate;
  if (r.lr_schedule === 'cosine') return low + 0.5 * (1 + Math.cos((Math.PI * s) / span)) * (lr - low);
  return lr + ((low - lr) * s) / span;
}

/** One point per step (at most `maxPoints`, evenly spaced, always including the last step). */
export function plannedLearningRates(r: RecipeShape, maxPoints = 400): { x: number; y: number }[] {
  const n = Math.floor(r.iterations);
  if (!(n >= 1) || !Number.isFinite(r.learning_rate)) return [];
  const g = Math.max(1, Math.floor(r.grad_accumulation_steps) || 1);
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const out: { x: number; y: number }[] = [];
  for (let step = 1; step <= n; step += stride) out.push({ x: step, y: rateAtUpdate(r, Math.max(0, Math.floor(step / g) - 1)) });
  if (out[out.length - 1]?.x !== n) out.push({ x: n, y: rateAtUpdate(r, Math.max(0, Math.floor(n / g) - 1)) });
  return out;
}

/** Iterations an `epochs` setting stands for (the server's rule), when the train row count is known. */
export function iterationsForEpochs(epochs: number, trainRows: number, effectiveBatch: number): number {
  return Math.max(1, Math.ceil((epochs * trainRows) / Math.max(1, effectiveBatch)));
}

/** Python's round() (half to even), as the server rounds the 10 % hold-out. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Rows the run trains on: all of them with a validation file, else 90 % (the server's seeded hold-out). */
export function trainingRows(rows: number, hasValidationFile: boolean): number {
  return hasValidationFile ? rows : rows - Math.max(1, roundHalfEven(rows * 0.1));
}

/** Whether a config (from a start response or a session) carries a recipe worth plotting. */
export function asRecipe(config: Record<string, unknown> | null | undefined): RecipeShape | null {
  if (!config) return null;
  const num = (k: string, d: number) => (typeof config[k] === 'number' ? (config[k] as number) : d);
  if (typeof config.learning_rate !== 'number' || typeof config.iterations !== 'number') return null;
  return {
    learning_rate: config.learning_rate, iterations: config.iterations,
    lr_schedule: typeof config.lr_schedule === 'string' ? config.lr_schedule : 'constant',
    warmup_steps: num('warmup_steps', 0), min_learning_rate: num('min_learning_rate', 0),
    grad_accumulation_steps: num('grad_accumulation_steps', 1),
  };
}
