/** The sign-in page: an analyst key in, a session cookie back; the key never stays in the page. */
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { SignedIn } from '../api/types';
import { signInProblem } from './sign-in-problem';

export function SignIn({ onSignedIn }: { onSignedIn: (session: SignedIn) => void }) {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await api.signIn(key.trim());
      setKey('');
      onSignedIn(session);
    } catch (error) {
      setProblem(signInProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <div className="brand brand-large">
          <Logo />
          <span>crosscheck</span>
        </div>
        <h1 id="signin-title">Analyst console</h1>
        <p className="muted">Sign in with your agency’s analyst key to see and work your alerts.</p>
        <label htmlFor="analyst-key">Analyst key</label>
        <input
          id="analyst-key"
          name="key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="cck_…"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'signin-problem' : undefined}
          autoFocus
        />
        {problem && (
          <p id="signin-problem" className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="primary wide" disabled={busy || key.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="fineprint">
          The key is kept by the console server for this session only; this page never stores it.
        </p>
      </form>
    </main>
  );
}

export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#12355b" />
      <path d="M9 9l14 14M23 9L9 23" stroke="#f5b041" strokeWidth="3.2" strokeLinecap="round" />
    </svg>
  );
}
