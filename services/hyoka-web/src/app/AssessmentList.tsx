import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { FormKind } from '../../gql/graphql';
import { ImportDocument } from './ImportDocument';
import { formatDateTime, KIND_LABELS } from './labels';
import { href } from './route';

const PAGE = 10;

const AssessmentsQuery = graphql(`
  query Assessments($first: Int, $after: String, $last: Int, $before: String) {
    assessments(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id
          affairName
          kind
          revision
          status
          version
          updatedAt
          updatedBy { displayName }
          completeness { complete unansweredCount }
        }
      }
    }
  }
`);

const SearchQuery = graphql(`
  query SearchAssessments($query: String!) {
    searchAssessments(query: $query, first: 20) {
      totalCount
      edges { node { assessment { id affairName } itemPath excerpt { text } } }
    }
  }
`);

const StartMutation = graphql(`
  mutation StartAssessment($input: StartAssessmentInput!) {
    startAssessment(input: $input) {
      __typename
      ... on AssessmentEdited { assessment { id } }
      ... on Problem { code message }
    }
  }
`);

type Page = { first?: number; after?: string; last?: number; before?: string };

export function AssessmentList() {
  const [page, setPage] = useState<Page>({ first: PAGE });
  const [{ data, fetching, error }] = useQuery({ query: AssessmentsQuery, variables: page });
  const connection = data?.assessments;
  return (
    <div className="grid gap-8">
      <section aria-labelledby="list-title">
        <h1 id="list-title" className="text-std-32B-150 mb-4">評価書の一覧</h1>
        {error && <p role="alert" className="error">{error.message}</p>}
        {fetching && !connection && <p>読み込み中…</p>}
        {connection && (
          <>
            <p className="mb-2">全 {connection.totalCount} 件</p>
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b-2 border-solid-gray-600">
                  <th scope="col" className="py-2 pr-3">事務の名称</th>
                  <th scope="col" className="py-2 pr-3">様式</th>
                  <th scope="col" className="py-2 pr-3">状態</th>
                  <th scope="col" className="py-2 pr-3">未回答</th>
                  <th scope="col" className="py-2">最終更新</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id} className="border-b border-solid-gray-420">
                    <td className="py-2 pr-3"><a href={href({ screen: 'editor', id: node.id })}>{node.affairName}</a></td>
                    <td className="py-2 pr-3">{KIND_LABELS[node.kind]}</td>
                    <td className="py-2 pr-3">{node.status === 'PUBLISHED' ? `第${node.version}版 公表済` : `第${node.version}版 作成中`}</td>
                    <td className="py-2 pr-3">{node.completeness.complete ? '完了' : `${node.completeness.unansweredCount} 項目`}</td>
                    <td className="py-2">{formatDateTime(node.updatedAt)} {node.updatedBy.displayName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav aria-label="ページ送り" className="mt-3 flex gap-3">
              <button type="button" className="btn" disabled={!connection.pageInfo.hasPreviousPage}
                      onClick={() => setPage({ last: PAGE, before: connection.pageInfo.startCursor ?? undefined })}>
                前へ
              </button>
              <button type="button" className="btn" disabled={!connection.pageInfo.hasNextPage}
                      onClick={() => setPage({ first: PAGE, after: connection.pageInfo.endCursor ?? undefined })}>
                次へ
              </button>
            </nav>
          </>
        )}
      </section>
      <Search />
      <Start />
      <ImportDocument />
    </div>
  );
}

function Search() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [{ data, error, fetching }] = useQuery({ query: SearchQuery, variables: { query }, pause: !query });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(text.trim());
  };
  return (
    <section aria-labelledby="search-title" className="card">
      <h2 id="search-title" className="text-std-24B-150 mb-3">評価書を検索</h2>
      <form onSubmit={submit} role="search" className="flex gap-3">
        <label htmlFor="search" className="sr-only">検索語</label>
        <input id="search" className="field" value={text} onChange={(e) => setText(e.target.value)}
               placeholder="例: 住民基本台帳" />
        <button type="submit" className="btn-primary shrink-0">検索</button>
      </form>
      {fetching && <p>検索中…</p>}
      {error && <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? error.message}</p>}
      {data && (
        <div aria-live="polite" data-testid="search-results">
          <p className="mt-3">{data.searchAssessments.totalCount} 件見つかりました</p>
          <ul className="mt-2 grid gap-2">
            {data.searchAssessments.edges.map(({ node }, index) => (
              <li key={index}>
                <a href={href({ screen: 'editor', id: node.assessment.id })}>{node.assessment.affairName}</a>
                <span className="ml-2 text-solid-gray-700">{node.itemPath}</span>
                <p className="text-std-16N-170">{node.excerpt.text}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Start() {
  const [kind, setKind] = useState<FormKind>('ALL_ITEMS');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, start] = useMutation(StartMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await start({ input: { kind, affairName: name } });
    const outcome = result.data?.startAssessment;
    if (outcome?.__typename === 'AssessmentEdited') {
      location.hash = href({ screen: 'editor', id: outcome.assessment.id });
    } else {
      setProblem(outcome && 'message' in outcome ? outcome.message : (result.error?.message ?? '開始できませんでした'));
    }
  };
  return (
    <section aria-labelledby="start-title" className="card">
      <h2 id="start-title" className="text-std-24B-150 mb-3">評価書を作り始める</h2>
      <form onSubmit={submit} className="grid gap-3">
        <div>
          <label htmlFor="start-kind" className="label">様式</label>
          <select id="start-kind" className="field" value={kind} onChange={(e) => setKind(e.target.value as FormKind)}>
            {(Object.keys(KIND_LABELS) as FormKind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="start-name" className="label">事務の名称</label>
          <input id="start-name" className="field" value={name} onChange={(e) => setName(e.target.value)}
                 aria-describedby={problem ? 'start-problem' : undefined} aria-invalid={problem ? true : undefined} />
          {problem && <p id="start-problem" role="alert" className="error">{problem}</p>}
        </div>
        <div>
          <button type="submit" className="btn-primary" disabled={fetching}>開始する</button>
        </div>
      </form>
    </section>
  );
}
