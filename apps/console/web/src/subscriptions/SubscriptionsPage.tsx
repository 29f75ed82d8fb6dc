/** The agency's subscriptions: what they listen for, and a form to add, edit or delete one. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { Subscription, Webhook } from '../api/types';
import { datasetLabel } from '../format/labels';
import { When } from '../ui/chips';
import {
  bodyOf,
  DATASETS,
  draftOf,
  EMPTY_DRAFT,
  LEVELS,
  NOTICE_COLOURS,
  problemsOf,
  RECORD_KINDS,
  serverProblems,
  summaryOf,
  type DraftProblems,
  type SubscriptionDraft,
} from './subscription-form';

function Toggles<T extends string>({
  legend,
  options,
  chosen,
  label,
  onChange,
  hint,
}: {
  legend: string;
  options: T[];
  chosen: T[];
  label: (value: T) => string;
  onChange: (values: T[]) => void;
  hint?: string;
}) {
  return (
    <fieldset className="chip-group">
      <legend>
        {legend} {hint && <span className="muted">{hint}</span>}
      </legend>
      {options.map((value) => (
        <button
          key={value}
          type="button"
          className={`toggle${chosen.includes(value) ? ' on' : ''}`}
          aria-pressed={chosen.includes(value)}
          onClick={() => onChange(chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value])}
        >
          {value !== 'un_special' && NOTICE_COLOURS.includes(value as never) && (
            <span className={`swatch notice-${value}`} aria-hidden="true" />
          )}
          {label(value)}
        </button>
      ))}
    </fieldset>
  );
}

function SubscriptionForm({
  editing,
  webhooks,
  onSaved,
  onCancel,
}: {
  editing: Subscription | null;
  webhooks: Webhook[] | null;
  onSaved: (saved: Subscription) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<SubscriptionDraft>(editing ? draftOf(editing) : EMPTY_DRAFT);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SubscriptionDraft>(field: K, value: SubscriptionDraft[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problemsOf(draft);
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const saved = editing
        ? await api.updateSubscription(editing.subscriptionId, bodyOf(draft))
        : await api.createSubscription(bodyOf(draft));
      onSaved(saved);
      if (!editing) setDraft(EMPTY_DRAFT);
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) setProblems(serverProblems(error.details));
      setFailure(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel subscription-form" onSubmit={submit} aria-labelledby="subscription-form-title" noValidate>
      <h2 id="subscription-form-title">{editing ? `Edit “${editing.name}”` : 'New subscription'}</h2>
      <p className="muted">
        Leave a filter empty to take any value. Your agency is alerted only about records and entries it may see.
      </p>
      <label htmlFor="subscription-name">Name</label>
      <input
        id="subscription-name"
        value={draft.name}
        onChange={(event) => set('name', event.target.value)}
        placeholder="e.g. Red Notices at the airports"
        aria-invalid={problems.name ? true : undefined}
      />
      {problems.name && <p className="field-error">{problems.name}</p>}

      <Toggles
        legend="Datasets"
        options={DATASETS}
        chosen={draft.datasets}
        label={datasetLabel}
        onChange={(values) => set('datasets', values)}
      />
      <Toggles
        legend="Notice colours"
        hint="(notices only)"
        options={NOTICE_COLOURS}
        chosen={draft.noticeColours}
        label={(value) => (value === 'un_special' ? 'UN Special' : value.charAt(0).toUpperCase() + value.slice(1))}
        onChange={(values) => set('noticeColours', values)}
      />
      <Toggles
        legend="Record kinds"
        options={RECORD_KINDS}
        chosen={draft.recordKinds}
        label={(value) => value.replace('_', ' ')}
        onChange={(values) => set('recordKinds', values)}
      />
      <Toggles
        legend="Levels"
        options={LEVELS}
        chosen={draft.levels}
        label={(value) => (value === 'hit' ? 'Hit' : 'Possible')}
        onChange={(values) => set('levels', values)}
      />

      <div className="form-row">
        <div>
          <label htmlFor="subscription-countries">Countries</label>
          <input
            id="subscription-countries"
            value={draft.countries}
            onChange={(event) => set('countries', event.target.value)}
            placeholder="FRA, DEU"
            aria-invalid={problems.countries ? true : undefined}
          />
          <p className="hint">Owner, nationality or issuing country on either side (ISO alpha-3).</p>
          {problems.countries && <p className="field-error">{problems.countries}</p>}
        </div>
        <div>
          <label htmlFor="subscription-min-score">Minimum score</label>
          <input
            id="subscription-min-score"
            inputMode="decimal"
            value={draft.minScore}
            onChange={(event) => set('minScore', event.target.value)}
            placeholder="0.8"
            aria-invalid={problems.minScore ? true : undefined}
          />
          <p className="hint">From 0 to 1.</p>
          {problems.minScore && <p className="field-error">{problems.minScore}</p>}
        </div>
      </div>

      {webhooks && webhooks.length > 0 && (
        <>
          <label htmlFor="subscription-webhook">Webhook</label>
          <select
            id="subscription-webhook"
            value={draft.webhookId}
            onChange={(event) => set('webhookId', event.target.value)}
          >
            <option value="">None: the console and the live stream only</option>
            {webhooks.map((webhook) => (
              <option key={webhook.webhookId} value={webhook.webhookId}>
                {webhook.description ? `${webhook.description} (${webhook.url})` : webhook.url}
              </option>
            ))}
          </select>
        </>
      )}

      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Create subscription'}
        </button>
        {editing && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

export function SubscriptionsPage() {
  const [subscriptions, setSubscriptions] = useState<Subscription[] | null>(null);
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [editing, setEditing] = useState<Subscription | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    api.subscriptions().then(
      (answer) => setSubscriptions(answer.subscriptions),
      (error: unknown) => setProblem(error instanceof ApiError ? error.message : String(error)),
    );
  }, []);

  useEffect(() => {
    load();
    // Webhooks are optional to show; an older alerting without them just hides the select.
    api.webhooks().then(
      (answer) => setWebhooks(answer.webhooks),
      () => setWebhooks(null),
    );
  }, [load]);

  const saved = (subscription: Subscription) => {
    setNotice(
      editing
        ? `Saved “${subscription.name}”.`
        : `Created “${subscription.name}”. Alerts it raises appear on the Alerts page.`,
    );
    setEditing(null);
    setSubscriptions((current) => [
      subscription,
      ...(current ?? []).filter((existing) => existing.subscriptionId !== subscription.subscriptionId),
    ]);
  };

  const remove = async (subscription: Subscription) => {
    try {
      await api.deleteSubscription(subscription.subscriptionId);
      setSubscriptions((current) =>
        (current ?? []).filter((existing) => existing.subscriptionId !== subscription.subscriptionId),
      );
      setNotice(`Deleted “${subscription.name}”.`);
      if (editing?.subscriptionId === subscription.subscriptionId) setEditing(null);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setDeleting(null);
    }
  };

  return (
    <div className="subscriptions-page">
      <section className="subscriptions-column" aria-labelledby="subscriptions-title">
        <h1 id="subscriptions-title">Subscriptions</h1>
        <p className="muted">
          Your agency hears of every hit on its own records and entries as a hit notice. Subscriptions add alerts for
          the hits you choose to follow.
        </p>
        {notice && (
          <p className="banner ok" role="status">
            {notice}
          </p>
        )}
        {problem && (
          <p className="banner error" role="alert">
            {problem}
          </p>
        )}
        {subscriptions === null && !problem && <p className="muted">Loading…</p>}
        {subscriptions?.length === 0 && (
          <p className="empty">No subscriptions yet. Create the first one with the form.</p>
        )}
        <ul className="subscription-list">
          {subscriptions?.map((subscription) => (
            <li
              key={subscription.subscriptionId}
              className={`panel subscription${editing?.subscriptionId === subscription.subscriptionId ? ' selected' : ''}`}
              data-subscription-id={subscription.subscriptionId}
            >
              <div className="subscription-head">
                <h3>{subscription.name}</h3>
                <span className="muted">
                  <When at={subscription.updatedAt} prefix="updated" />
                </span>
              </div>
              <div className="subscription-filters">
                {summaryOf(subscription).map((part) => (
                  <span key={part} className="chip plain">
                    {part}
                  </span>
                ))}
                {subscription.webhookId && <span className="chip plain">webhook</span>}
              </div>
              <div className="form-buttons">
                <button type="button" className="secondary" onClick={() => (setEditing(subscription), setNotice(null))}>
                  Edit
                </button>
                {deleting === subscription.subscriptionId ? (
                  <>
                    <span className="muted">Delete it?</span>
                    <button type="button" className="danger" onClick={() => void remove(subscription)}>
                      Yes, delete
                    </button>
                    <button type="button" className="secondary" onClick={() => setDeleting(null)}>
                      Keep
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="link danger-link"
                    onClick={() => setDeleting(subscription.subscriptionId)}
                  >
                    Delete
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <aside className="subscriptions-form-column">
        <SubscriptionForm
          key={editing?.subscriptionId ?? 'new'}
          editing={editing}
          webhooks={webhooks}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      </aside>
    </div>
  );
}
