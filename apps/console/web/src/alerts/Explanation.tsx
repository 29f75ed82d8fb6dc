/** Why matching scored the pair as it did: one line per feature, its score, weight and the words behind it. */
import type { Alert } from '../api/types';
import { featureLabel, percent } from '../format/labels';
import { LevelChip, ScoreBar } from '../ui/chips';

export function Explanation({ alert }: { alert: Alert }) {
  const totalWeight = alert.features.reduce((sum, feature) => sum + (feature.weight || 0), 0);
  return (
    <section className="panel" aria-labelledby="explanation-title">
      <div className="panel-head">
        <h2 id="explanation-title">Why it matched</h2>
        <span className="overall">
          <LevelChip level={alert.level} />
          {alert.score !== null && <span className="overall-score">{percent(alert.score)}</span>}
        </span>
      </div>
      {alert.features.length === 0 ? (
        <p className="muted">
          {alert.hitNoHit
            ? 'The explanation quotes both sides; one of them is not disseminated to your agency.'
            : 'Matching gave no per-feature breakdown for this alert.'}
        </p>
      ) : (
        <ul className="features">
          {alert.features.map((feature, index) => (
            <li key={`${feature.feature}-${index}`} className="feature">
              <span className="feature-name">{featureLabel(feature.feature)}</span>
              <ScoreBar score={feature.score} label={`${featureLabel(feature.feature)} score`} />
              <span className="feature-score">{percent(feature.score)}</span>
              <span className="feature-weight" title="share of the overall score this feature carries">
                weight {totalWeight > 0 ? percent(feature.weight / totalWeight) : feature.weight}
              </span>
              {feature.detail && <span className="feature-detail">{feature.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
