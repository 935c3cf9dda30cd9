import { useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { graphql } from '../../gql';
import { AssessmentList } from './AssessmentList';
import { createClient } from './client';
import { Editor } from './Editor';
import { History } from './History';
import { href, useRoute } from './route';
import { loadSession, saveSession, type Session } from './session';
import { SignIn } from './SignIn';

const MeQuery = graphql(`
  query Me {
    me {
      userId
      displayName
      municipalityName
      roles
    }
  }
`);

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const client = useMemo(() => (session ? createClient(session.authorization) : null), [session]);
  const signIn = (next: Session | null) => {
    saveSession(next);
    setSession(next);
  };
  if (!session || !client) {
    return <SignIn onSignIn={signIn} />;
  }
  return (
    <Provider value={client}>
      <Shell onSignOut={() => signIn(null)} />
    </Provider>
  );
}

function Shell({ onSignOut }: { onSignOut: () => void }) {
  const route = useRoute();
  const [{ data, error }] = useQuery({ query: MeQuery });
  const me = data?.me;
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only">本文へ移動</a>
      <header className="border-b border-solid-gray-420 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <a href={href({ screen: 'list' })} className="text-std-20B-150 text-solid-gray-900 no-underline">
            Hyoka 特定個人情報保護評価書
          </a>
          <div className="flex items-center gap-3 text-std-16N-170">
            {me && (
              <span data-testid="viewer">
                {me.municipalityName} {me.displayName}（{me.roles.map(roleLabel).join('・')}）
              </span>
            )}
            <button type="button" className="btn" onClick={onSignOut}>サインアウト</button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {error && <p role="alert" className="error">サインインの情報を確かめられませんでした: {error.message}</p>}
        {route.screen === 'list' && <AssessmentList />}
        {route.screen === 'editor' && me && <Editor id={route.id} viewerId={me.userId} />}
        {route.screen === 'history' && me && <History id={route.id} canPublish={me.roles.includes('APPROVER')} />}
      </main>
    </>
  );
}

function roleLabel(role: string): string {
  return ({ EDITOR: '編集者', APPROVER: '承認者', AUDITOR: '監査担当', PLATFORM_OPERATOR: '運用者' } as Record<string, string>)[role] ?? role;
}
