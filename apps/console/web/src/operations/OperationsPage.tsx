/**
 * An operation's report for its participants: the totals, a chart of daily
 * checks and hits (plain SVG), the tables (checks per day, agency and dataset;
 * hits; outcomes; entities linking participants' cases) and the CSV and JSON
 * exports. Matching counts it from the data as this agency may see it.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { dailyBars, reportUrl, type OperationReport } from './operation-report';

const WIDTH = 640;
const HEIGHT = 140;

export function OperationsPage({ code, onOpen }: { code?: string; onOpen: (code: string) => void }) {
  const [typed, setTyped] = useState(code ?? '');
  const [report, setReport] = useState<OperationReport | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    setReport(null);
    setProblem('');
    if (!code) return;
    api.operationReport(code).then(setReport, (error: Error) => setProblem(error.message));
  }, [code]);

  return (
    <div className="operations">
      <form
        className="operation-open"
        onSubmit={(event) => {
          event.preventDefault();
          if (typed.trim()) onOpen(typed.trim().toUpperCase());
        }}
      >
        <label>
          Operation code <input value={typed} onChange={(event) => setTyped(event.target.value)} />
        </label>
        <button type="submit">Open report</button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {report && <Report report={report} />}
    </div>
  );
}

function Report({ report }: { report: OperationReport }) {
  const { operation, totals } = report;
  return (
    <section className="operation-report" data-testid="operation-report">
      <header>
        <h2>
          {operation.name} <span className="muted">{operation.code}</span>
        </h2>
        <p className="muted">
          {operation.startsOn} to {operation.endsOn} · coordinated by {operation.coordinator} · participants{' '}
          {operation.participants.join(', ')}
        </p>
        <p className="operation-exports">
          Export: <a href={reportUrl(operation.code, 'csv')}>CSV</a> ·{' '}
          <a href={reportUrl(operation.code, 'json')}>JSON</a>
        </p>
      </header>
      <ul className="operation-totals">
        <li data-total="checks">
          <strong>{totals.checks}</strong> checks
        </li>
        <li data-total="hits">
          <strong>{totals.hits}</strong> hits
        </li>
        <li data-total="outcomes">
          <strong>{totals.outcomes}</strong> outcomes
        </li>
        <li data-total="linkedEntities">
          <strong>{totals.linkedEntities}</strong> linked entities
        </li>
      </ul>
      <DailyChart daily={report.daily} />
      <Table
        title="Checks per day, agency and dataset"
        head={['Day', 'Agency', 'Dataset', 'Checks']}
        rows={report.checks.map((row) => [row.day, row.agency, row.dataset, row.count])}
      />
      <Table
        title="Hits per dataset and notice colour"
        head={['Dataset', 'Colour', 'Level', 'Hits']}
        rows={report.hits.map((row) => [row.dataset, row.noticeColour ?? '', row.level, row.count])}
      />
      <Table
        title="Outcomes per agency"
        head={['Agency', 'Outcome', 'Count']}
        rows={report.outcomes.map((row) => [row.agency, row.outcome.replaceAll('_', ' '), row.count])}
      />
      <Table
        title="Entities linking participants’ cases"
        head={['Entity', 'Agencies']}
        rows={report.linkedEntities.map((row) => [row.entityId, row.agencies.join(', ')])}
      />
    </section>
  );
}

function DailyChart({ daily }: { daily: OperationReport['daily'] }) {
  const bars = dailyBars(daily, WIDTH, HEIGHT);
  return (
    <figure className="chart operation-chart" data-chart="daily">
      <figcaption>
        <strong>Checks and hits per day</strong>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`} role="img" aria-label="Checks and hits per day">
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="chart-axis" />
        {bars.map((bar) => (
          <rect
            key={`${bar.day}-${bar.series}`}
            className={`chart-bar series-${bar.series === 'checks' ? 0 : 1}`}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            data-day={bar.day}
            data-series={bar.series}
            data-value={bar.value}
          >
            <title>{`${bar.day}: ${bar.value} ${bar.series}`}</title>
          </rect>
        ))}
        {daily.map((day, index) => (
          <text key={day.day} x={(index + 0.5) * (WIDTH / daily.length)} y={HEIGHT + 13} className="chart-day">
            {day.day.slice(5)}
          </text>
        ))}
      </svg>
      <ul className="chart-legend">
        <li>
          <span className="chart-key series-0" />
          checks
        </li>
        <li>
          <span className="chart-key series-1" />
          hits
        </li>
      </ul>
    </figure>
  );
}

function Table({ title, head, rows }: { title: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <section className="operation-table">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table>
          <thead>
            <tr>
              {head.map((cell) => (
                <th key={cell}>{cell}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (
                  <td key={column}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
