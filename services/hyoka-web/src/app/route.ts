import { useEffect, useState } from 'react';

// Screens live after '#' (#/, #/assessments/<id>, #/assessments/<id>/history), so the server serves one path, /app.
export type Route =
  | { screen: 'list' }
  | { screen: 'editor'; id: string }
  | { screen: 'history'; id: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/assessments\/([^/]+)(\/history)?$/.exec(hash);
  if (!match) {
    return { screen: 'list' };
  }
  const id = decodeURIComponent(match[1]);
  return match[2] ? { screen: 'history', id } : { screen: 'editor', id };
}

export function href(route: Route): string {
  switch (route.screen) {
    case 'list':
      return '#/';
    case 'editor':
      return `#/assessments/${encodeURIComponent(route.id)}`;
    case 'history':
      return `#/assessments/${encodeURIComponent(route.id)}/history`;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
