/**
 * The operators' pipeline health page: a banner when lag or dead letters cross
 * their thresholds, a card per service (ready, instances, lag per partition,
 * throughput over 5 and 60 minutes, handler p99, outbox, dead letters, webhook
 * deliveries) and charts of the last hour. It asks the console's server again
 * every few seconds, so it stays live without a reload.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { LineChart } from './LineChart';
import {
  CONSUMERS,
  type PipelineHealthView,
  type PipelineService,
  type ServiceHealth,
} from '@crosscheck/operator-views';
import { figure, laggingPartitions, milliseconds, perSecond } from './pipeline-health';

const POLL_MS = 2_000;

export function HealthPage() {
  const [health, setHealth] = useState<PipelineHealthView | undefined>();
  const [problem, setProblem] = useState('');

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const answer = await api.pipelineHealth();
        if (stopped) return;
        setHealth(answer);
        setProblem('');
      } catch (error) {
        if (!stopped) setProblem(error instanceof ApiError ? error.message : 'The console server did not answer.');
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  if (!health) return <div className="health">{problem ? <p className="form-error">{problem}</p> : 'Loading…'}</div>;
  return (
    <div className="health" data-sampled-at={health.sampledAt ?? ''}>
      {health.alarms.length > 0 ? (
        <div className="health-banner" role="alert" data-testid="health-banner">
          {health.alarms.map((alarm) => (
            <p key={alarm.alarm} data-alarm={alarm.alarm}>
              {alarm.message}
            </p>
          ))}
        </div>
      ) : (
        <div className="health-ok" role="status">
          No alarm: consumer lag under {figure(health.thresholds.lag)}, dead letters pending under{' '}
          {figure(health.thresholds.deadLetters)}.
        </div>
      )}
      {problem && <p className="form-error">{problem} (showing the last answer)</p>}
      <p className="muted health-meta">
        Sampled every {health.sampleSeconds} s
        {health.sampledAt ? `, last at ${new Date(health.sampledAt).toLocaleTimeString('en-GB')}` : ''}. Brokers:{' '}
        {health.brokers === 'ok' ? 'answering' : health.brokers === 'unreachable' ? 'not answering' : 'not configured'}.
      </p>
      <section className="health-cards" aria-label="Services">
        {health.services.map((service) => (
          <ServiceCard key={service.service} service={service} />
        ))}
      </section>
      <section className="health-charts" aria-label="Over time">
        <LineChart
          title="Consumer lag"
          series={health.series}
          names={CONSUMERS}
          valueOf={(point, name) => point.lag[name as PipelineService]}
          threshold={health.thresholds.lag}
        />
        <LineChart
          title="Messages handled"
          unit="/s"
          series={health.series}
          names={CONSUMERS}
          valueOf={(point, name) => point.throughput[name as PipelineService]}
        />
        <LineChart
          title="Dead letters pending and outbox"
          series={health.series}
          names={['dead letters', 'outbox']}
          valueOf={(point, name) => (name === 'outbox' ? point.outboxPending : point.deadLettersPending)}
          threshold={health.thresholds.deadLetters}
        />
      </section>
    </div>
  );
}

function ServiceCard({ service }: { service: ServiceHealth }) {
  const consumes = service.service !== 'intake';
  return (
    <article className="health-card" data-service={service.service} aria-label={service.service}>
      <header>
        <h2>{service.service}</h2>
        <span className={service.ready ? 'badge health-ready' : 'badge health-not-ready'} data-testid="ready">
          {service.ready ? 'ready' : 'not ready'}
        </span>
      </header>
      <dl>
        {consumes && (
          <>
            <dt>instances</dt>
            <dd data-testid="instances">{figure(service.instances)}</dd>
            <dt>consumer lag</dt>
            <dd data-testid="lag">{figure(service.totalLag)}</dd>
          </>
        )}
        {consumes && (
          <>
            <dt>handled, 5 min</dt>
            <dd>{perSecond(service.throughput.last5Minutes)}</dd>
            <dt>handled, 60 min</dt>
            <dd>{perSecond(service.throughput.last60Minutes)}</dd>
            <dt>handler p99, 5 min</dt>
            <dd>{milliseconds(service.handlerP99Ms)}</dd>
          </>
        )}
        <dt>outbox</dt>
        <dd>{figure(service.outboxPending)}</dd>
        {service.webhookDeliveries && (
          <>
            <dt>webhooks pending / dead</dt>
            <dd>
              {figure(service.webhookDeliveries.pending)} / {figure(service.webhookDeliveries.dead)}
            </dd>
          </>
        )}
      </dl>
      {service.deadLetters && (
        <div className="health-list">
          <h3>Dead letters pending</h3>
          {service.deadLetters.length === 0 ? (
            <p className="muted">none</p>
          ) : (
            <ul>
              {service.deadLetters.map(({ topic, pending }) => (
                <li key={topic}>
                  {topic}: <strong>{figure(pending)}</strong>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {consumes && service.lag && service.lag.length > 0 && (
        <table className="health-partitions">
          <caption>Lag by partition, from the brokers</caption>
          <thead>
            <tr>
              <th>topic</th>
              <th>part.</th>
              <th className="right">lag</th>
            </tr>
          </thead>
          <tbody>
            {laggingPartitions(service.lag).map((partition) => (
              <tr key={`${partition.topic}/${partition.partition}`}>
                <td>{partition.topic}</td>
                <td>{partition.partition}</td>
                <td className="right">{figure(partition.lag)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
