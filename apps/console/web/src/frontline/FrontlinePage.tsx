/**
 * The frontline check page: a phone-sized screen for an officer at a border
 * point. One thing to check at a time (a passport by its MRZ or by number and
 * country, a vehicle by VIN or by plate and country, a person by name and birth date), one field at a
 * time, large targets; the answer is NO HIT, HIT or POSSIBLE with what to do,
 * and the explanation one tap away. Nothing is kept once the answer is closed:
 * the query and the answer live in this component's state alone (no storage,
 * no URL), and closing resets it.
 */
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { readMrz } from './mrz';
import { verdictOf, type CheckAnswer, type Verdict } from './verdict';

type Subject = 'passport' | 'vehicle' | 'person';
type Step =
  | { screen: 'choose' }
  | { screen: 'passport'; byNumber: boolean }
  | { screen: 'vehicle'; byPlate: boolean }
  | { screen: 'person'; field: 'name' | 'birth' }
  | { screen: 'checking' }
  | { screen: 'answer'; verdict: Verdict };

export function FrontlinePage({ agency, onSignOut }: { agency: string; onSignOut: () => void }) {
  const [step, setStep] = useState<Step>({ screen: 'choose' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const [why, setWhy] = useState(false);
  const set = (name: string) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  const close = () => {
    setFields({});
    setProblem('');
    setWhy(false);
    setStep({ screen: 'choose' });
  };

  const check = async (query: unknown) => {
    setProblem('');
    setStep({ screen: 'checking' });
    try {
      const answer = await api.check(query);
      setFields({});
      setStep({ screen: 'answer', verdict: verdictOf(answer.hits as CheckAnswer[]) });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'The check did not go through. Try again.');
      setStep({ screen: 'choose' });
    }
  };

  const checkPassport = () => {
    if (step.screen === 'passport' && step.byNumber) {
      // A check gives a document as a record does; matching compares number, type and country, not the status.
      return check({
        kind: 'travel_document',
        travelDocument: {
          number: fields.number ?? '',
          type: 'passport',
          issuingCountry: fields.country ?? '',
          status: 'stolen',
        },
      });
    }
    const mrz = readMrz(fields.mrz ?? '');
    if (!mrz.ok) return setProblem(mrz.problem);
    const { reading } = mrz;
    return check({
      kind: 'person',
      person: {
        names: [{ given: reading.given || undefined, family: reading.family }],
        ...(reading.dateOfBirth ? { dateOfBirth: reading.dateOfBirth } : {}),
        documents: [{ number: reading.number, type: reading.documentType, issuingCountry: reading.issuingCountry }],
      },
    });
  };

  return (
    <div className="frontline">
      <header className="frontline-bar">
        <strong>crosscheck</strong>
        <span className="agency-tag own">{agency}</span>
        <button type="button" className="link" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      {problem && (
        <p className="frontline-problem" role="alert">
          {problem}
        </p>
      )}
      {step.screen === 'choose' && (
        <nav className="frontline-choices" aria-label="What to check">
          {(['passport', 'vehicle', 'person'] as Subject[]).map((subject) => (
            <button
              key={subject}
              type="button"
              className="big"
              onClick={() =>
                setStep(
                  subject === 'passport'
                    ? { screen: 'passport', byNumber: false }
                    : subject === 'vehicle'
                      ? { screen: 'vehicle', byPlate: false }
                      : { screen: 'person', field: 'name' },
                )
              }
            >
              {subject === 'passport' ? 'Passport' : subject === 'vehicle' ? 'Vehicle' : 'Person'}
            </button>
          ))}
        </nav>
      )}
      {step.screen === 'passport' && (
        <form className="frontline-form" onSubmit={(event) => (event.preventDefault(), void checkPassport())}>
          {step.byNumber ? (
            <>
              <label>
                Document number
                <input autoFocus autoComplete="off" value={fields.number ?? ''} onChange={set('number')} />
              </label>
              <label>
                Issuing country (3 letters)
                <input autoComplete="off" maxLength={3} value={fields.country ?? ''} onChange={set('country')} />
              </label>
            </>
          ) : (
            <label>
              MRZ (the 2 or 3 lines at the bottom of the page)
              <textarea
                autoFocus
                rows={3}
                spellCheck={false}
                autoComplete="off"
                value={fields.mrz ?? ''}
                onChange={set('mrz')}
              />
            </label>
          )}
          <button type="submit" className="big">
            Check
          </button>
          <button
            type="button"
            className="link"
            onClick={() => setStep({ screen: 'passport', byNumber: !step.byNumber })}
          >
            {step.byNumber ? 'Use the MRZ instead' : 'No MRZ? Number and country'}
          </button>
          <button type="button" className="link" onClick={close}>
            Back
          </button>
        </form>
      )}
      {step.screen === 'vehicle' && (
        <form
          className="frontline-form"
          onSubmit={(event) => (
            event.preventDefault(),
            void check({
              kind: 'vehicle',
              vehicle: step.byPlate
                ? { plate: fields.plate ?? '', registrationCountry: (fields.plateCountry ?? '').toUpperCase() }
                : { vin: fields.vin ?? '' },
            })
          )}
        >
          {step.byPlate ? (
            <>
              <label>
                Plate
                <input autoFocus autoComplete="off" maxLength={20} value={fields.plate ?? ''} onChange={set('plate')} />
              </label>
              <label>
                Registration country (3 letters)
                <input
                  autoComplete="off"
                  maxLength={3}
                  value={fields.plateCountry ?? ''}
                  onChange={set('plateCountry')}
                />
              </label>
            </>
          ) : (
            <label>
              VIN (17 characters)
              <input autoFocus autoComplete="off" maxLength={17} value={fields.vin ?? ''} onChange={set('vin')} />
            </label>
          )}
          <button type="submit" className="big">
            Check
          </button>
          <button type="button" className="link" onClick={() => setStep({ screen: 'vehicle', byPlate: !step.byPlate })}>
            {step.byPlate ? 'Use the VIN instead' : 'No VIN? Plate and country'}
          </button>
          <button type="button" className="link" onClick={close}>
            Back
          </button>
        </form>
      )}
      {step.screen === 'person' && (
        <form
          className="frontline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (step.field === 'name') return setStep({ screen: 'person', field: 'birth' });
            void check({
              kind: 'person',
              person: {
                names: [{ full: fields.name ?? '' }],
                ...(fields.birth ? { dateOfBirth: fields.birth } : {}),
              },
            });
          }}
        >
          {step.field === 'name' ? (
            <label>
              Full name
              <input autoFocus autoComplete="off" value={fields.name ?? ''} onChange={set('name')} />
            </label>
          ) : (
            <label>
              Date of birth
              <input autoFocus type="date" autoComplete="off" value={fields.birth ?? ''} onChange={set('birth')} />
            </label>
          )}
          <button type="submit" className="big">
            {step.field === 'name' ? 'Next' : 'Check'}
          </button>
          <button type="button" className="link" onClick={close}>
            Back
          </button>
        </form>
      )}
      {step.screen === 'checking' && (
        <p className="frontline-checking" aria-busy="true">
          Checking…
        </p>
      )}
      {step.screen === 'answer' && (
        <section className={`frontline-answer answer-${step.verdict.level}`} aria-live="assertive">
          <h1 data-testid="verdict">{step.verdict.headline}</h1>
          <p className="frontline-action">{step.verdict.action}</p>
          {step.verdict.contact && <p>Contact: {step.verdict.contact}</p>}
          {step.verdict.confirm.length > 0 && (
            <>
              <p>Confirm:</p>
              <ul>
                {step.verdict.confirm.map((fact) => (
                  <li key={fact}>{fact}</li>
                ))}
              </ul>
            </>
          )}
          {step.verdict.hit && (
            <button type="button" className="link" aria-expanded={why} onClick={() => setWhy(!why)}>
              {why ? 'Hide why' : 'Why?'}
            </button>
          )}
          {why && step.verdict.hit && (
            <ul className="frontline-why">
              {step.verdict.hit.features.map((feature) => (
                <li key={feature.feature}>
                  {feature.feature.replace(/_/g, ' ')}: {Math.round(feature.score * 100)}%{' '}
                  {feature.detail && <span className="muted">{feature.detail}</span>}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="big" onClick={close}>
            Close
          </button>
        </section>
      )}
    </div>
  );
}
