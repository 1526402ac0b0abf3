'use client';

import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { axisLabel, colourOf, formatValue, isSecondary, tick } from './format';

/** The newest sample of a series (its last non-gap value). */
const latest = (values: (number | null)[]) => {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i];
  return null;
};

const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 100_000];

type Props = {
  unit: string;
  times: number[];
  series: { name: string; values: (number | null)[] }[];
  /** Every function on the dashboard, so that a function has one colour in all panels. */
  functions: string[];
  height?: number;
};

/**
 * One uPlot time chart. uPlot (≈ 50 kB, canvas, no dependencies) draws a few thousand points
 * in well under a frame, which a chart polled every 5 s on a 2-core laptop wants; Chart.js is
 * four times its size for features (animations, many chart kinds) a dashboard of lines does
 * not use. The chart is made again only when its series change; new points are setData.
 */
export default function TimeChart({ unit, times, series, functions, height = 190 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = series.map((s) => s.name).join('\n');
  const data: AlignedData = [times, ...series.map((s) => s.values)];

  useEffect(() => {
    const el = box.current!;
    const fmt = (v: number | null) => formatValue(unit, v);
    // Replicas and calls come in whole numbers: no 0.5 replica tick.
    const whole = unit === 'replicas' || unit === 'calls';
    const opts: Options = {
      width: Math.max(200, el.clientWidth),
      height,
      // Samples are 5–24 s apart; a gap means no scrape (or no calls): show it, don't bridge it.
      series: [{}, ...series.map((s) => ({
        label: s.name,
        stroke: colourOf(functions, s.name),
        width: 2,
        dash: isSecondary(s.name) ? [6, 4] : undefined,
        value: (_u: uPlot, v: number | null) => fmt(v),
        // A function called for the first time is one or two points at the right edge: dot them.
        points: { size: 5, show: (u: uPlot, si: number) => (u.data[si] as (number | null | undefined)[]).filter((v) => v != null).length < 5 },
      }))],
      // From 0: a rate of 0.2 req/s should not look like a cliff.
      scales: { y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.15 : 1] } },
      axes: [
        { stroke: '#5b6475', grid: { stroke: '#eef0f4' } },
        // Ticks carry the unit only where it changes with size (ms / s); the axis title names it.
        { stroke: '#5b6475', grid: { stroke: '#eef0f4' }, label: axisLabel(unit), labelSize: 16, size: 58, values: (_u, vals) => vals.map((v) => tick(unit, v)), incrs: whole ? WHOLE_STEPS : undefined },
      ],
      // Our own legend below (names, latest values, wraps at 420 px); uPlot's is a wide table.
      legend: { show: false },
      cursor: { points: { size: 6 } },
    };
    plot.current = new uPlot(opts, data, el);
    const resized = new ResizeObserver(() => { if (el.clientWidth > 0) plot.current?.setSize({ width: el.clientWidth, height }); });
    resized.observe(el);
    return () => { resized.disconnect(); plot.current?.destroy(); plot.current = null; };
    // The chart is rebuilt when its series (or unit) change; new data alone goes through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, unit, height, functions.join('\n')]);

  useEffect(() => { plot.current?.setData(data); });

  return (
    <figure className="time-chart">
      <div ref={box} />
      <figcaption>
        <ul className="legend">
          {series.map((s) => (
            <li key={s.name} data-series={s.name}>
              <span className={`swatch${isSecondary(s.name) ? ' dashed' : ''}`} style={{ borderColor: colourOf(functions, s.name) }} aria-hidden />
              <span className="name">{s.name}</span> <span className="now" title="latest value">{formatValue(unit, latest(s.values))}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
