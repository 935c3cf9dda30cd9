import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';

const DiffQuery = graphql(`
  query AssessmentDiff($id: ID!, $from: Int!, $to: Int!) {
    assessmentDiff(id: $id, fromRevision: $from, toRevision: $to) {
      changes { itemPath entryIds beforeText afterText }
    }
  }
`);

const AsOfQuery = graphql(`
  query AssessmentAt($id: ID!, $asOf: DateTime!) {
    assessmentAt(id: $id, asOf: $asOf) { revision version status answers { itemPath entryIds text } }
  }
`);

/** The differences between two revisions (assessmentDiff), and the document as it was at a moment (assessmentAt). */
export function Compare({ id, revision }: { id: string; revision: number }) {
  const [from, setFrom] = useState(String(Math.max(1, revision - 1)));
  const [to, setTo] = useState(String(revision));
  const [diff, setDiff] = useState<{ from: number; to: number } | null>(null);
  const [asOfText, setAsOfText] = useState('');
  const [asOf, setAsOf] = useState<string | null>(null);
  const [{ data: diffData, error: diffError }] = useQuery({
    query: DiffQuery, variables: { id, from: diff?.from ?? 0, to: diff?.to ?? 0 }, pause: !diff,
  });
  const [{ data: atData, error: atError }] = useQuery({ query: AsOfQuery, variables: { id, asOf: asOf ?? '' }, pause: !asOf });
  const compare = (event: FormEvent) => {
    event.preventDefault();
    setDiff({ from: Number(from), to: Number(to) });
  };
  const show = (event: FormEvent) => {
    event.preventDefault();
    // datetime-local is the browser's local time; the API wants an instant
    setAsOf(asOfText ? new Date(asOfText).toISOString() : null);
  };
  const changes = diffData?.assessmentDiff?.changes;
  const snapshot = atData?.assessmentAt;
  return (
    <section aria-labelledby="compare-title" className="card grid gap-4">
      <h2 id="compare-title" className="text-std-24B-150">改訂の比較と過去の時点の内容</h2>
      <form onSubmit={compare} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="diff-from" className="label">比較元の改訂</label>
          <input id="diff-from" type="number" min={1} className="field w-32" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="diff-to" className="label">比較先の改訂</label>
          <input id="diff-to" type="number" min={1} className="field w-32" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit" className="btn">比較する</button>
      </form>
      {diffError && <p role="alert" className="error">{diffError.graphQLErrors[0]?.message ?? diffError.message}</p>}
      {diffData && !diffData.assessmentDiff && <p role="alert" className="error">その改訂はありません。</p>}
      {changes && (
        <ul className="grid gap-2" data-testid="diff">
          {changes.length === 0 && <li>違いはありません。</li>}
          {changes.map((c) => (
            <li key={`${c.itemPath}|${c.entryIds.join(',')}`}>
              <span className="label">{c.itemPath}</span>: {c.beforeText || '（なし）'} → {c.afterText || '（なし）'}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={show} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="as-of" className="label">この時点の内容を見る</label>
          <input id="as-of" type="datetime-local" className="field" value={asOfText} onChange={(e) => setAsOfText(e.target.value)} />
        </div>
        <button type="submit" className="btn">表示する</button>
      </form>
      {atError && <p role="alert" className="error">{atError.graphQLErrors[0]?.message ?? atError.message}</p>}
      {atData && !snapshot && <p>その時点にはまだこの評価書はありません。</p>}
      {snapshot && (
        <div data-testid="as-of">
          <p>改訂 {snapshot.revision}・第{snapshot.version}版（{snapshot.status === 'PUBLISHED' ? '公表済' : '作成中'}）</p>
          <dl className="grid gap-1">
            {snapshot.answers.map((a) => (
              <div key={`${a.itemPath}|${a.entryIds.join(',')}`}>
                <dt className="label">{a.itemPath}</dt>
                <dd className="pl-4">{a.text}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </section>
  );
}
