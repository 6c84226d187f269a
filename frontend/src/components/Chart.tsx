import { lazy, Suspense } from 'react';
import type { LineChartProps } from './LineChart';

export type { ChartSeries } from './LineChart';

// uPlot loads with the first chart, not with the app shell.
const LazyLineChart = lazy(() => import('./LineChart').then((m) => ({ default: m.LineChart })));

export function LineChart(props: LineChartProps) {
  return (
    <Suspense fallback={<div data-testid={props.testId} className="w-full animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800/50" style={{ height: props.height ?? 220 }} />}>
      <LazyLineChart {...props} />
    </Suspense>
  );
}
