import { useEffect, useMemo, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useAppSelector } from '../app/hooks';
import { STEP_INCREMENTS, tickLabels, valueRange } from './chartScales';

export interface ChartSeries {
  label: string;
  color: string;
  points: { x: number; y: number | null | undefined }[];
  dashed?: boolean;
  /** Draw markers (sparse series such as validation loss). */
  points_only?: boolean;
}

export interface LineChartProps {
  series: ChartSeries[];
  height?: number;
  xLabel?: string;
  testId?: string;
  ariaLabel: string;
  emptyText?: string;
}

/** Aligns several (x, y) series on one x axis (the union of their steps). */
export function alignSeries(series: ChartSeries[]): AlignedData {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const cols = series.map((s) => {
    const byX = new Map(s.points.map((p) => [p.x, p.y ?? null]));
    return xs.map((x) => {
      const y = byX.get(x);
      return y === undefined || y === null || !Number.isFinite(y) ? null : y;
    });
  });
  return [xs, ...cols] as AlignedData;
}

/** A small responsive line chart (uPlot, ~20 KB gzip). */
export function LineChart({ series, height = 220, xLabel = 'step', testId, ariaLabel, emptyText = 'No data yet' }: LineChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const dark = useAppSelector((s) => s.theme.mode === 'dark');
  const data = useMemo(() => alignSeries(series), [series]);
  const shape = series.map((s) => `${s.label}:${s.color}:${s.dashed ? 1 : 0}`).join('|');
  const empty = data[0].length === 0;

  useEffect(() => {
    const el = host.current;
    if (!el || empty) return;
    const axisColor = dark ? '#94a3b8' : '#64748b';
    const gridColor = dark ? 'rgba(148,163,184,0.12)' : 'rgba(100,116,139,0.15)';
    const axis = { stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor, width: 1 }, font: '11px system-ui, sans-serif' };
    const opts: Options = {
      width: Math.max(200, el.clientWidth),
      height,
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: false }, y: { range: (_u, min, max) => valueRange(min, max) } },
      axes: [
        { ...axis, label: xLabel, labelSize: 18, labelFont: '11px system-ui, sans-serif', incrs: STEP_INCREMENTS },
        { ...axis, size: 52, values: (_u, splits) => tickLabels(splits) },
      ],
      series: [
        { label: xLabel },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          spanGaps: true,
          dash: s.dashed ? [6, 4] : undefined,
          points: { show: s.points_only ?? false, size: 6, fill: s.color },
        })),
      ],
    };
    const u = new uPlot(opts, data, el);
    plot.current = u;
    const ro = typeof ResizeObserver !== 'undefined'
      ? new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height }))
      : null;
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      u.destroy();
      plot.current = null;
    };
    // Rebuild only when the series set, theme or size changes; data updates go through setData.
  }, [shape, dark, height, xLabel, empty]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return (
    <div data-testid={testId} role="img" aria-label={ariaLabel} data-points={data[0].length} className="w-full min-w-0">
      {empty ? (
        <div className="flex items-center justify-center rounded-lg bg-slate-50 text-xs text-slate-400 dark:bg-slate-800/40" style={{ height }}>
          {emptyText}
        </div>
      ) : (
        <div ref={host} className="w-full" />
      )}
    </div>
  );
}
