import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ExportFormat, SubmissionTiming } from '../../gql/graphql';
import { Compare } from './Compare';
import { formatDateTime } from './labels';
import { href } from './route';
import { describe } from './values';

const HistoryQuery = graphql(`
  query AssessmentHistory($id: ID!, $last: Int, $before: String) {
    assessment(id: $id) {
      id
      affairName
      revision
      status
      version
      publishedOn
      history(last: $last, before: $before) {
        totalCount
        pageInfo { hasPreviousPage startCursor }
        edges {
          node {
            id
            revision
            at
            actor { displayName }
            event
            summary
            item { number label }
            before { ...AnswerValueFields }
            after { ...AnswerValueFields }
            reason
          }
        }
      }
      pendingChanges { item { itemId number label } entryIds itemPath before after defaultTiming suggestedExplanation }
      pastChanges { id changedOn changedOnText itemPath before { text } after { text } timing explanation }
    }
  }
`);

const PublishMutation = graphql(`
  mutation PublishVersion($input: PublishVersionInput!) {
    publishVersion(input: $input) {
      __typename
      ... on AssessmentEdited { revision }
      ...StaleFields
      ... on Problem { code message }
    }
  }
`);

const ExportQuery = graphql(`
  query ExportDocument($assessmentId: ID!, $format: ExportFormat!) {
    exportDocument(assessmentId: $assessmentId, format: $format) { fileName mediaType contentBase64 }
  }
`);

const PAGE = 20;
const TIMINGS: Record<string, string> = { BEFORE: '事前', AFTER: '事後' };

/** The annex's rows, the latest publication's first (each publication's rows stay in form order). */
function newestFirst<T extends { changedOn?: string | null }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (b.changedOn ?? '').localeCompare(a.changedOn ?? ''));
}

/** The text of an annex cell: rich text (HTML) read as text; parsed, never inserted into the page. */
function plain(text: string | null | undefined): string {
  return text ? (new DOMParser().parseFromString(text, 'text/html').body.textContent ?? '') : '';
}

/** History (who changed what, when and why), the 変更箇所 annex, publishing (approvers) and export. */
export function History({ id, canPublish }: { id: string; canPublish: boolean }) {
  const [before, setBefore] = useState<string | undefined>();
  const [{ data, error }, reload] = useQuery({ query: HistoryQuery, variables: { id, last: PAGE, before } });
  const assessment = data?.assessment;
  if (error) {
    return <p role="alert" className="error">{error.message}</p>;
  }
  if (!assessment) {
    return <p>読み込み中…</p>;
  }
  const history = assessment.history;
  return (
    <div className="grid gap-8">
      <div>
        <p><a href={href({ screen: 'editor', id })}>← 編集に戻る</a></p>
        <h1 className="text-std-28B-150">{assessment.affairName}: 履歴と公表</h1>
        <p>第{assessment.version}版（{assessment.status === 'PUBLISHED' ? `公表済 ${assessment.publishedOn ?? ''}` : '作成中'}）・改訂 {assessment.revision}</p>
      </div>
      <Exports id={id} />
      <Compare id={id} revision={assessment.revision} />
      <section aria-labelledby="pending-title" className="grid gap-3">
        <h2 id="pending-title" className="text-std-24B-150">公表前の変更（次の版の変更箇所）</h2>
        {assessment.pendingChanges.length === 0 ? <p>前の版からの変更はありません。</p> : (
          <Publish id={id} revision={assessment.revision} pending={assessment.pendingChanges} canPublish={canPublish}
                   onPublished={() => reload({ requestPolicy: 'network-only' })} />
        )}
      </section>
      <section aria-labelledby="annex-title">
        <h2 id="annex-title" className="text-std-24B-150 mb-2">変更箇所</h2>
        {assessment.pastChanges.length === 0 ? <p>まだ変更箇所はありません。</p> : (
          <table className="w-full border-collapse text-left" data-testid="annex">
            <thead>
              <tr className="border-b-2 border-solid-gray-600">
                <th scope="col" className="py-2 pr-3">変更日</th>
                <th scope="col" className="py-2 pr-3">項目</th>
                <th scope="col" className="py-2 pr-3">変更前の記載</th>
                <th scope="col" className="py-2 pr-3">変更後の記載</th>
                <th scope="col" className="py-2 pr-3">提出時期</th>
                <th scope="col" className="py-2">提出時期に係る説明</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst(assessment.pastChanges).map((row) => (
                <tr key={row.id} className="border-b border-solid-gray-420 align-top">
                  <td className="min-w-28 py-2 pr-3">{row.changedOnText}</td>
                  <td className="py-2 pr-3">{row.itemPath}</td>
                  <td className="py-2 pr-3">{plain(row.before.text)}</td>
                  <td className="py-2 pr-3">{plain(row.after.text)}</td>
                  <td className="min-w-16 py-2 pr-3">{TIMINGS[row.timing ?? ''] ?? row.timing}</td>
                  <td className="py-2">{row.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="text-std-24B-150 mb-2">編集の履歴（全 {history.totalCount} 件）</h2>
        <ol className="grid gap-2" data-testid="timeline">
          {[...history.edges].reverse().map(({ node }) => (
            <li key={node.id} className="border-b border-solid-gray-420 pb-2">
              <p className="label">改訂 {node.revision}・{formatDateTime(node.at)}・{node.actor.displayName}</p>
              <p>{node.item ? `${node.item.number} ${node.item.label}` : (node.summary ?? node.event)}
                {node.item && `: ${describe(node.before)} → ${describe(node.after)}`}</p>
              {node.reason && <p className="text-solid-gray-700">理由: {node.reason}</p>}
            </li>
          ))}
        </ol>
        {history.pageInfo.hasPreviousPage && (
          <button type="button" className="btn mt-2" onClick={() => setBefore(history.pageInfo.startCursor ?? undefined)}>
            さらに前の履歴
          </button>
        )}
      </section>
    </div>
  );
}

type Pending = { item: { itemId: string; number: string; label: string }; entryIds: string[]; itemPath: string;
  before: string; after: string; defaultTiming: SubmissionTiming; suggestedExplanation?: string | null };

function Publish({ id, revision, pending, canPublish, onPublished }:
                   { id: string; revision: number; pending: Pending[]; canPublish: boolean; onPublished: () => void }) {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
  const [publishedOn, setPublishedOn] = useState(today);
  const [explanations, setExplanations] = useState<string[]>(() => pending.map((p) => p.suggestedExplanation ?? ''));
  const [timings, setTimings] = useState<SubmissionTiming[]>(() => pending.map((p) => p.defaultTiming));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [{ fetching }, publish] = useMutation(PublishMutation);
  useEffect(() => {
    setExplanations(pending.map((p) => p.suggestedExplanation ?? ''));
    setTimings(pending.map((p) => p.defaultTiming));
  }, [pending]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await publish({ input: {
      assessmentId: id, expectedRevision: revision, publishedOn,
      explanations: pending.map((p, index) => ({
        itemId: p.item.itemId, entryIds: p.entryIds, timing: timings[index], explanation: explanations[index],
      })),
    } });
    const outcome = result.data?.publishVersion;
    if (outcome?.__typename === 'AssessmentEdited') {
      setMessage({ error: false, text: '公表しました。変更箇所に記録されました。' });
      onPublished();
    } else {
      setMessage({ error: true, text: outcome && 'message' in outcome ? outcome.message : (result.error?.message ?? '公表できませんでした') });
    }
  };
  return (
    <form onSubmit={submit} className="grid gap-3">
      <ul className="grid gap-3">
        {pending.map((p, index) => (
          <li key={`${p.item.itemId}|${p.entryIds.join(',')}`} className="card">
            <p className="label">{p.itemPath}</p>
            <p>変更前: {plain(p.before) || '（なし）'}</p>
            <p>変更後: {plain(p.after) || '（なし）'}</p>
            {canPublish && (
              <>
                <label htmlFor={`timing-${index}`} className="label">提出時期</label>
                <select id={`timing-${index}`} className="field max-w-xs" value={timings[index]}
                        onChange={(e) => setTimings(timings.map((x, i) => (i === index ? e.target.value as SubmissionTiming : x)))}>
                  <option value="BEFORE">事前</option>
                  <option value="AFTER">事後</option>
                </select>
                <label htmlFor={`explanation-${index}`} className="label">提出時期に係る説明</label>
                <textarea id={`explanation-${index}`} className="field" rows={2} value={explanations[index] ?? ''}
                          onChange={(e) => setExplanations(explanations.map((x, i) => (i === index ? e.target.value : x)))} />
              </>
            )}
          </li>
        ))}
      </ul>
      {canPublish ? (
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="published-on" className="label">公表日</label>
            <input id="published-on" type="date" className="field" value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} />
          </div>
          <button type="submit" className="btn-primary" disabled={fetching}>この版を公表する</button>
        </div>
      ) : <p>公表は承認者が行います。</p>}
      {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'text-success-2'}>{message.text}</p>}
    </form>
  );
}

function Exports({ id }: { id: string }) {
  const client = useClient();
  const [files, setFiles] = useState<{ format: ExportFormat; fileName: string; url: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const make = async (format: ExportFormat) => {
    const result = await client.query(ExportQuery, { assessmentId: id, format }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.exportDocument;
    if (!file) {
      setProblem(result.error?.message ?? '出力できませんでした');
      return;
    }
    const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
    setFiles((previous) => [...previous.filter((f) => f.format !== format), { format, fileName: file.fileName, url }]);
  };
  return (
    <section aria-labelledby="export-title" className="card">
      <h2 id="export-title" className="text-std-24B-150 mb-2">出力</h2>
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn" onClick={() => void make('HTML')}>印刷用 HTML を作る</button>
        <button type="button" className="btn" onClick={() => void make('TSV')}>TSV を作る</button>
        <button type="button" className="btn" onClick={() => void make('PDF')}>PDF を作る</button>
      </div>
      {problem && <p role="alert" className="error">{problem}</p>}
      <ul className="mt-2" data-testid="exports">
        {files.map((f) => (
          <li key={f.format}><a href={f.url} download={f.fileName} data-format={f.format}>{f.fileName} をダウンロード</a></li>
        ))}
      </ul>
    </section>
  );
}
