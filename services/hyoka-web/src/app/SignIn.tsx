import { useEffect, useState, type FormEvent } from 'react';
import { completeSignIn, provider, startSignIn, type Provider } from './oidc';
import type { Session } from './session';

interface DemoUser {
  userId: string;
  displayName: string;
  municipalityName: string;
  authorization: string;
}

// The embedded default lists its demo users (GET /app/demo-users, only with the development issuer and the demo on).
// With an OpenID Connect provider (GET /app/sign-in: Keycloak with run.sh --keycloak), its login page (oidc.ts);
// a token from the municipality's identity provider can also be pasted here.
export function SignIn({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [token, setToken] = useState('');
  const [oidc, setOidc] = useState<Provider | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    completeSignIn().then((signedIn) => {
      if (signedIn) {
        onSignIn({ authorization: `Bearer ${signedIn.accessToken}`, label: 'Keycloak' });
      }
    }, (error: Error) => setProblem(`サインインできませんでした: ${error.message}`));
    provider().then(setOidc, () => setOidc(null));
  }, [onSignIn]);
  useEffect(() => {
    fetch('/app/demo-users')
      .then((response) => (response.ok ? response.json() : []))
      .then(setUsers, () => setUsers([]));
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (value) {
      onSignIn({ authorization: value.startsWith('Bearer ') ? value : `Bearer ${value}`, label: 'トークン' });
    }
  };
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-std-32B-150 mb-6">Hyoka にサインイン</h1>
      {users === null && <p>読み込み中…</p>}
      {problem && <p role="alert" className="error mb-4">{problem}</p>}
      {oidc && (
        <section aria-labelledby="oidc-title" className="mb-8">
          <h2 id="oidc-title" className="text-std-24B-150 mb-2">団体の認証基盤でサインイン</h2>
          <button type="button" className="btn-primary" data-testid="oidc-sign-in"
                  onClick={() => startSignIn(oidc).catch((error: Error) => setProblem(error.message))}>
            ログイン画面へ進む
          </button>
        </section>
      )}
      {users && users.length > 0 && (
        <section aria-labelledby="demo-users" className="mb-8">
          <h2 id="demo-users" className="text-std-24B-150 mb-2">デモ用の職員を選ぶ</h2>
          <p className="mb-4">開発用の認証（組込みの既定構成）で、各団体の編集者・承認者としてサインインします。</p>
          <ul className="grid gap-3">
            {users.map((user) => (
              <li key={user.userId}>
                <button type="button" className="btn w-full justify-between" data-user={user.userId}
                        onClick={() => onSignIn({ authorization: user.authorization, label: user.displayName })}>
                  <span>{user.municipalityName}</span>
                  <span>{user.displayName}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form onSubmit={submit} className="card grid gap-3">
        <label htmlFor="token" className="label">アクセストークン（団体の認証基盤が発行したもの）</label>
        <textarea id="token" className="field" rows={3} value={token} onChange={(e) => setToken(e.target.value)} />
        <div>
          <button type="submit" className="btn-primary">サインイン</button>
        </div>
      </form>
    </main>
  );
}
