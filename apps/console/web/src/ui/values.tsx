/** A field's values as the side-by-side tables show them: each with its original script and a note. */
import type { FieldValue } from '../format/record-view';

export function Values({ values }: { values: FieldValue[] }) {
  if (values.length === 0) return <span className="absent">—</span>;
  return (
    <ul className="values">
      {values.map((value, index) => (
        <li key={index}>
          <span className="value">{value.text}</span>
          {value.original && (
            <span
              className="original"
              lang={value.original.script === 'Cyrl' ? 'ru' : undefined}
              title={value.original.script ? `original script: ${value.original.script}` : 'original script'}
            >
              {value.original.text}
              {value.original.script && <span className="script">{value.original.script}</span>}
            </span>
          )}
          {value.note && <span className="note">{value.note}</span>}
        </li>
      ))}
    </ul>
  );
}
