/**
 * The entity behind the alert's record, as dedup lets this agency see it: the
 * other records of the same person or object, and the links between agencies'
 * cases. dedup leaves out what the agency may not see; a 404 means there is
 * nothing else it may see.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { EntityView } from '../api/types';
import { memberDecision, percent } from '../format/labels';
import { headline } from '../format/record-view';
import { pathOf } from '../route';
import { When } from '../ui/chips';

type Loaded =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'error'; message: string }
  | { state: 'loaded'; entity: EntityView };

export function EntityPanel({ recordId, agency }: { recordId: string; agency: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setLoaded({ state: 'loading' });
    api.entityOfRecord(recordId).then(
      (entity) => !cancelled && setLoaded({ state: 'loaded', entity }),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 404) setLoaded({ state: 'none' });
        else setLoaded({ state: 'error', message: error instanceof ApiError ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [recordId]);

  const others = loaded.state === 'loaded' ? loaded.entity.records.filter((member) => member.id !== recordId) : [];
  const links = loaded.state === 'loaded' ? loaded.entity.links : [];

  return (
    <section className="panel" aria-labelledby="entity-title">
      <div className="panel-head">
        <h2 id="entity-title">Other records of this entity</h2>
        {loaded.state === 'loaded' && (
          <a className="button-link" href={pathOf({ page: 'network', entityId: loaded.entity.entityId })}>
            Show network
          </a>
        )}
      </div>
      {loaded.state === 'loading' && <p className="muted">Loading…</p>}
      {loaded.state === 'error' && <p className="banner error">Could not load the entity: {loaded.message}</p>}
      {(loaded.state === 'none' || (loaded.state === 'loaded' && others.length === 0 && links.length === 0)) && (
        <p className="muted" data-testid="entity-none">
          No other records you may see.
        </p>
      )}
      {others.length > 0 && (
        <ul className="members">
          {others.map((member) => (
            <li key={member.id} className="member">
              <span className="member-name">{headline(member.record ?? undefined) || member.id}</span>
              <span className={`agency-tag${member.owner === agency ? ' own' : ''}`}>{member.owner}</span>
              <span className="muted">
                {member.record?.externalRef ? `${member.record.externalRef} · ` : ''}v{member.version} ·{' '}
                {memberDecision(member.decision, member.score)} · <When at={member.joinedAt} prefix="added" />
              </span>
            </li>
          ))}
        </ul>
      )}
      {links.length > 0 && (
        <>
          <h3>Links to other agencies’ cases</h3>
          <ul className="links">
            {links.map((link) => (
              <li key={link.records.join('|')}>
                <span className={`agency-tag${link.agencies[0] === agency ? ' own' : ''}`}>{link.agencies[0]}</span>
                <span className="link-line" aria-hidden="true" />
                <span className={`agency-tag${link.agencies[1] === agency ? ' own' : ''}`}>{link.agencies[1]}</span>
                <span className="muted">
                  same {loaded.state === 'loaded' ? loaded.entity.kind.replace('_', ' ') : 'entity'},{' '}
                  {percent(link.score)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
