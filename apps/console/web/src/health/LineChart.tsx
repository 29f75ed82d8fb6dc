/** A small time chart in plain SVG: one line per series, time across, 0 to the highest value up. */
import type { HealthPoint } from '@crosscheck/operator-views';
import { chartLines, figure, polylinePoints } from './pipeline-health';

const WIDTH = 320;
const HEIGHT = 110;
/** Colours come from the stylesheet (`series-0`…`series-3`): the page's CSP allows no inline styles. */
const COLOURS = 4;

export function LineChart({
  title,
  series,
  names,
  valueOf,
  unit = '',
  threshold,
}: {
  title: string;
  series: HealthPoint[];
  names: readonly string[];
  valueOf: (point: HealthPoint, name: string) => number | null | undefined;
  unit?: string;
  threshold?: number;
}) {
  const lines = chartLines(series, names, valueOf);
  const from = series.length ? Date.parse(series[0].at) : 0;
  const to = series.length ? Date.parse(series[series.length - 1].at) : 1;
  const highest = Math.max(0, ...lines.flatMap((line) => line.points.map((point) => point.value)));
  const max = Math.max(highest, threshold ?? 0) * 1.1 || 1;
  const box = { from, to, max, width: WIDTH, height: HEIGHT };
  const minutes = Math.max(1, Math.round((to - from) / 60_000));
  return (
    <figure className="chart" data-chart={title}>
      <figcaption>
        <strong>{title}</strong>
        <span className="muted">
          {' '}
          last {minutes} min · peak {figure(highest, highest < 10 ? 1 : 0)}
          {unit}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} preserveAspectRatio="none">
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="chart-axis" />
        {threshold !== undefined && (
          <line
            x1="0"
            x2={WIDTH}
            y1={HEIGHT - (threshold / max) * HEIGHT}
            y2={HEIGHT - (threshold / max) * HEIGHT}
            className="chart-threshold"
          />
        )}
        {lines.map((line, index) => (
          <polyline
            key={line.label}
            points={polylinePoints(line.points, box)}
            className={`chart-line series-${index % COLOURS}`}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      <ul className="chart-legend">
        {lines.map((line, index) => (
          <li key={line.label}>
            <span className={`chart-key series-${index % COLOURS}`} />
            {line.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
