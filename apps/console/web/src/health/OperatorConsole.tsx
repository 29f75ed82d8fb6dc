/** What an operator signed in to the console sees: a top bar and the pipeline health page. */
import { HealthPage } from './HealthPage';

export function OperatorConsole({
  agency,
  onSignOut,
  analyst,
}: {
  agency: string;
  onSignOut: () => void;
  /** Also an analyst: a way back to the alerts. */
  analyst: boolean;
}) {
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span>crosscheck</span>
          <span className="brand-sub">Pipeline health</span>
        </div>
        <nav className="tabs" aria-label="Pages">
          {analyst && (
            <a href="/" className="tab">
              Alerts
            </a>
          )}
          <a href="/operator" className="tab on" aria-current="page">
            Pipeline
          </a>
        </nav>
        <div className="topbar-right">
          <span className="who">
            <span className="agency-tag own" data-testid="agency">
              {agency}
            </span>
            <span className="muted">operator</span>
          </span>
          <button type="button" className="secondary small" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="content">
        <HealthPage />
      </main>
    </div>
  );
}
