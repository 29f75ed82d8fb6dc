/** Filter chips and the sort order of the alert list; each maps to a query parameter of GET /v1/alerts. */
import type { AlertKind, AlertLevel, AlertSort, AlertStatus } from '../api/types';
import { toggle, type AlertFilters as Filters } from './alert-query';

const STATUSES: [AlertStatus, string][] = [
  ['new', 'New'],
  ['acknowledged', 'Acknowledged'],
  ['confirmed', 'Confirmed'],
  ['false_positive', 'False positive'],
  ['retracted', 'Retracted'],
];
const LEVELS: [AlertLevel, string][] = [
  ['hit', 'Hit'],
  ['possible', 'Possible'],
];
const DATASETS: [string, string][] = [
  ['notices', 'Notices'],
  ['sltd', 'SLTD'],
  ['smv', 'SMV'],
  ['firearms', 'Firearms'],
  ['works-of-art', 'Works of art'],
];
const KINDS: [AlertKind, string][] = [
  ['alert', 'Subscription alerts'],
  ['hit_notice', 'Hit notices'],
];
const SORTS: [AlertSort, string][] = [
  ['newest', 'Newest first'],
  ['oldest', 'Oldest first'],
  ['score', 'Highest score'],
  ['updated', 'Recently updated'],
];

function ChipGroup<T extends string>({
  label,
  options,
  chosen,
  onChange,
}: {
  label: string;
  options: [T, string][];
  chosen: T[];
  onChange: (values: T[]) => void;
}) {
  return (
    <fieldset className="chip-group">
      <legend>{label}</legend>
      {options.map(([value, text]) => (
        <button
          key={value}
          type="button"
          className={`toggle${chosen.includes(value) ? ' on' : ''}`}
          aria-pressed={chosen.includes(value)}
          onClick={() => onChange(toggle(chosen, value))}
        >
          {text}
        </button>
      ))}
    </fieldset>
  );
}

export function AlertFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const active = filters.status.length + filters.level.length + filters.dataset.length + filters.kind.length;
  return (
    <details className="filters" open>
      <summary>
        Filters{active > 0 && <span className="count">{active}</span>}
        {active > 0 && (
          <button
            type="button"
            className="link"
            onClick={(event) => (
              event.preventDefault(),
              onChange({ ...filters, status: [], level: [], dataset: [], kind: [] })
            )}
          >
            clear
          </button>
        )}
      </summary>
      <ChipGroup
        label="Status"
        options={STATUSES}
        chosen={filters.status}
        onChange={(status) => onChange({ ...filters, status })}
      />
      <ChipGroup
        label="Level"
        options={LEVELS}
        chosen={filters.level}
        onChange={(level) => onChange({ ...filters, level })}
      />
      <ChipGroup
        label="Dataset"
        options={DATASETS}
        chosen={filters.dataset}
        onChange={(dataset) => onChange({ ...filters, dataset })}
      />
      <ChipGroup
        label="Kind"
        options={KINDS}
        chosen={filters.kind}
        onChange={(kind) => onChange({ ...filters, kind })}
      />
    </details>
  );
}

export function SortSelect({ sort, onChange }: { sort: AlertSort; onChange: (sort: AlertSort) => void }) {
  return (
    <label className="sort">
      <span className="visually-hidden">Sort</span>
      <select value={sort} onChange={(event) => onChange(event.target.value as AlertSort)} aria-label="Sort alerts">
        {SORTS.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
