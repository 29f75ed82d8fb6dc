/** The two records that make one edge of the network, field by field, with where they agree. */
import type { NetworkEdge, SharedRecord } from '../api/types';
import { percent } from '../format/labels';
import { compareRecords } from '../format/record-view';
import { Values } from '../ui/values';

export interface ShownRecord {
  id: string;
  owner: string;
  /** Undefined while loading or when dedup no longer shows it to this agency. */
  record?: SharedRecord;
}

export function RecordPair({
  edge,
  records,
  onClose,
}: {
  edge: NetworkEdge;
  records: [ShownRecord, ShownRecord];
  onClose: () => void;
}) {
  const [a, b] = records;
  const rows = compareRecords(a.record, b.record);
  return (
    <section className="panel" aria-labelledby="record-pair-title" data-testid="record-pair">
      <div className="panel-head">
        <h2 id="record-pair-title">Why these two are linked</h2>
        <button type="button" className="secondary small" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="edge-why">
        <span className={`strength strength-${edge.strength}`}>{edge.strength}</span> {edge.explanation} ·{' '}
        {percent(edge.score)}
      </p>
      <table className="side-by-side">
        <thead>
          <tr>
            <th scope="col" className="field-col">
              <span className="visually-hidden">Field</span>
            </th>
            {[a, b].map((side, index) => (
              <th scope="col" key={side.id} colSpan={index === 0 ? 2 : 1}>
                <span className="side-title">{side.owner}</span>
                <span className="side-sub">
                  {side.record?.externalRef ?? side.id}
                  {side.record?.caseRef ? ` · case ${side.record.caseRef}` : ''}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className={row.agreement ? `agree-${row.agreement}` : undefined}>
              <th scope="row">{row.label}</th>
              <td data-side="a">
                <Values values={row.record} />
              </td>
              <td className="agree-col">
                {row.agreement === 'same' ? (
                  <span className="agree same">=</span>
                ) : row.agreement === 'differs' ? (
                  <span className="agree differs">≠</span>
                ) : null}
              </td>
              <td data-side="b">
                <Values values={row.entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">Loading the two records…</p>}
    </section>
  );
}
