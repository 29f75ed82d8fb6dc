/**
 * A network link's explanation: the agency's case, each edge of the path in words, the other agency's case.
 * A retracted link keeps no path and none of the other case's references: it says that the link no longer
 * holds, when and why, and what is left of it (the agency's own case, the other agency), not an empty path.
 */
import type { Alert, NetworkLink } from '../api/types';
import { absoluteTime, percent } from '../format/labels';
import { When } from '../ui/chips';

export function NetworkLinkPath({ link, retraction }: { link: NetworkLink; retraction: Alert['retraction'] }) {
  if (retraction || link.path.length === 0) return <RetractedLink link={link} retraction={retraction} />;
  return (
    <section className="panel" aria-labelledby="network-link-title">
      <div className="panel-head">
        <h2 id="network-link-title">How the cases are linked</h2>
        <span className="overall-score">{percent(link.score)}</span>
      </div>
      <ol className="features network-path">
        <OwnCase link={link} />
        {link.path.map((step, index) => (
          <li key={index} className="feature">
            <span className="feature-name">{step.strength}</span>
            <span className="feature-detail">{step.explanation}</span>
          </li>
        ))}
        <li className="feature">
          <span className="feature-name">{link.otherCase.agency}’s case</span>
          <span className="feature-detail">
            {link.otherCase.caseRef} ({link.otherCase.externalRef})
          </span>
        </li>
      </ol>
    </section>
  );
}

function RetractedLink({ link, retraction }: { link: NetworkLink; retraction: Alert['retraction'] }) {
  return (
    <section className="panel network-link-retracted" aria-labelledby="network-link-title" data-testid="link-retracted">
      <div className="panel-head">
        <h2 id="network-link-title">The link no longer holds</h2>
      </div>
      {retraction ? (
        <p className="retraction-facts">
          Retracted <When at={retraction.at} /> ({absoluteTime(retraction.at)}): {retraction.reason}.
        </p>
      ) : (
        <p className="retraction-facts">No path your agency may see links the two cases.</p>
      )}
      <ol className="features network-path">
        <OwnCase link={link} />
        <li className="feature">
          <span className="feature-name">{link.otherCase.agency}’s case</span>
          <span className="feature-detail muted">no longer shown</span>
        </li>
      </ol>
      <p className="muted">
        The path and the other case’s references were removed with the link. Should a new path link the two cases, a new
        alert tells of it.
      </p>
    </section>
  );
}

function OwnCase({ link }: { link: NetworkLink }) {
  return (
    <li className="feature">
      <span className="feature-name">Your case</span>
      <span className="feature-detail">
        {link.ownCase.agency} {link.ownCase.caseRef} ({link.ownCase.externalRef})
      </span>
    </li>
  );
}
