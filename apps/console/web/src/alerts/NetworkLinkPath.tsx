/** A network link's explanation: the agency's case, each edge of the path in words, the other agency's case. */
import type { NetworkLink } from '../api/types';
import { percent } from '../format/labels';

export function NetworkLinkPath({ link }: { link: NetworkLink }) {
  return (
    <section className="panel" aria-labelledby="network-link-title">
      <div className="panel-head">
        <h2 id="network-link-title">How the cases are linked</h2>
        <span className="overall-score">{percent(link.score)}</span>
      </div>
      <ol className="features network-path">
        <li className="feature">
          <span className="feature-name">Your case</span>
          <span className="feature-detail">
            {link.ownCase.agency} {link.ownCase.caseRef} ({link.ownCase.externalRef})
          </span>
        </li>
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
