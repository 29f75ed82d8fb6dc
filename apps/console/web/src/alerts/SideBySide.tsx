/** The shared record and the reference entry it hit, field by field, with where they agree. */
import type { Alert } from '../api/types';
import { datasetLabel } from '../format/labels';
import { compareSides } from '../format/record-view';
import { Values } from '../ui/values';

export function SideBySide({ alert }: { alert: Alert }) {
  const rows = compareSides(alert.record, alert.entry);
  const record = alert.record;
  return (
    <section className="panel" aria-labelledby="side-by-side-title">
      <h2 id="side-by-side-title">Record and reference entry</h2>
      <table className="side-by-side">
        <thead>
          <tr>
            <th scope="col" className="field-col">
              <span className="visually-hidden">Field</span>
            </th>
            <th scope="col">
              <span className="side-title">Shared record</span>
              <span className="side-sub">
                {alert.recordOwner}
                {record?.externalRef ? ` · ${record.externalRef}` : ''}
                {record?.version ? ` · v${record.version}` : ''}
              </span>
            </th>
            <th scope="col" className="agree-col">
              <span className="visually-hidden">Agreement</span>
            </th>
            <th scope="col">
              <span className="side-title">Reference entry</span>
              <span className="side-sub">
                {alert.entryOwner} · {datasetLabel(alert.dataset)} · {alert.entryId}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className={row.agreement ? `agree-${row.agreement}` : undefined}>
              <th scope="row">{row.label}</th>
              <td data-side="record">
                <Values values={row.record} />
              </td>
              <td
                className="agree-col"
                aria-label={
                  row.agreement === 'same' ? 'agree' : row.agreement === 'differs' ? 'differ' : 'not compared'
                }
              >
                {row.agreement === 'same' ? (
                  <span className="agree same">=</span>
                ) : row.agreement === 'differs' ? (
                  <span className="agree differs">≠</span>
                ) : null}
              </td>
              <td data-side="entry">
                <Values values={row.entry} />
              </td>
            </tr>
          ))}
          {alert.entry?.notice?.charges && (
            <tr>
              <th scope="row">Charges</th>
              <td data-side="record">
                <span className="absent">—</span>
              </td>
              <td className="agree-col" />
              <td data-side="entry">{alert.entry.notice.charges}</td>
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">Neither side’s data came with this alert.</p>}
    </section>
  );
}
