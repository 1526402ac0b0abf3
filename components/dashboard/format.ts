/** How a panel's values read on its axis and in its legend: units a newcomer recognises. */
export function formatValue(unit: string, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  switch (unit) {
    case 's':
      return v < 1 ? `${+(v * 1000).toPrecision(3)} ms` : `${+v.toPrecision(3)} s`;
    case 'req/s':
      return `${+v.toPrecision(3)} req/s`;
    default:
      return Number.isInteger(v) ? String(v) : String(+v.toPrecision(3));
  }
}

/** A y-axis tick: short, as the axis title carries the unit (durations keep ms / s, which change). */
export const tick = (unit: string, v: number) => (unit === 's' ? formatValue(unit, v) : String(+v.toPrecision(3)));

/** Axis title for a unit. */
export const axisLabel = (unit: string) => ({ s: 'duration', 'req/s': 'req/s', calls: 'calls', replicas: 'replicas' })[unit] ?? unit;

const PALETTE = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626'];

/** One colour per function across all panels (the first word of a series name), in order of first sight. */
export function colourOf(functions: string[], seriesName: string): string {
  const i = functions.indexOf(seriesName.split(' ')[0]);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length];
}

/** Dashed lines set apart what is not a function's main line: p95 and error status codes. */
export const isSecondary = (seriesName: string) => / p95$/.test(seriesName) || / [45]\d\d$/.test(seriesName);
