import { useMemo } from 'react';
import type { TrainPoint, ValPoint } from '../../app/apiTypes';
import { Card } from '../../components/Card';
import { LineChart, type ChartSeries } from '../../components/Chart';
import { asRecipe, plannedLearningRates } from './recipe';

export const CHART_COLORS = { train: '#6366f1', val: '#f59e0b', reward: '#10b981', kl: '#ec4899', lr: '#0ea5e9' };

export function LossChart({ train, val, testId = 'loss-chart', height }: { train: TrainPoint[]; val: ValPoint[]; testId?: string; height?: number }) {
  const series = useMemo<ChartSeries[]>(() => [
    { label: 'train loss', color: CHART_COLORS.train, points: train.map((p) => ({ x: p.step, y: p.train_loss })) },
    { label: 'val loss', color: CHART_COLORS.val, points: val.map((p) => ({ x: p.step, y: p.val_loss })), points_only: val.length < 40 },
  ], [train, val]);
  return <LineChart series={series} testId={testId} ariaLabel="Training and validation loss by step" height={height} emptyText="Loss appears after the first report" />;
}

/** The learning rate each report measured, over the schedule the run's recipe plans. */
export function LearningRateChart({ train, config }: { train: TrainPoint[]; config?: Record<string, unknown> | null }) {
  const series = useMemo<ChartSeries[]>(() => {
    const recipe = asRecipe(config);
    return [
      { label: 'planned', color: CHART_COLORS.lr, dashed: true, points: recipe ? plannedLearningRates(recipe) : [] },
      { label: 'learning rate', color: CHART_COLORS.train, points: train.map((p) => ({ x: p.step, y: p.learning_rate })), points_only: train.length < 40 },
    ];
  }, [train, config]);
  return <LineChart series={series} testId="lr-chart" ariaLabel="Learning rate by step: measured and planned" height={160} />;
}

/** Loss, the learning rate, and for enhanced (GRPO-family) runs also reward and KL. */
export function RunCharts({ train, val, enhanced, config }: { train: TrainPoint[]; val: ValPoint[]; enhanced: boolean; config?: Record<string, unknown> | null }) {
  const reward = useMemo<ChartSeries[]>(() => [
    { label: 'reward', color: CHART_COLORS.reward, points: train.map((p) => ({ x: p.step, y: p.reward })) },
  ], [train]);
  const kl = useMemo<ChartSeries[]>(() => [
    { label: 'KL', color: CHART_COLORS.kl, points: train.map((p) => ({ x: p.step, y: p.kl })) },
  ], [train]);
  return (
    <div className="space-y-5">
      <Card id="loss" title="Loss" testId="loss-card">
        <LossChart train={train} val={val} />
      </Card>
      <Card id="learning-rate" title="Learning rate" testId="lr-card">
        <LearningRateChart train={train} config={config} />
      </Card>
      {enhanced && (
        <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
          <Card id="reward" title="Reward" testId="reward-card">
            <LineChart series={reward} testId="reward-chart" ariaLabel="Mean reward by step" height={180} />
          </Card>
          <Card id="kl" title="KL divergence" testId="kl-card">
            <LineChart series={kl} testId="kl-chart" ariaLabel="KL divergence by step" height={180} />
          </Card>
        </div>
      )}
    </div>
  );
}
