// Who is signed in: the Authorization header the UI sends with every request, kept for this browser tab only
// (sessionStorage), so that closing the tab signs out and two tabs can be two people.
export interface Session {
  authorization: string;
  label: string;
}

const KEY = 'hyoka.session';

export function loadSession(): Session | null {
  const stored = sessionStorage.getItem(KEY);
  return stored ? (JSON.parse(stored) as Session) : null;
}

export function saveSession(session: Session | null): void {
  if (session) {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } else {
    sessionStorage.removeItem(KEY);
  }
}
