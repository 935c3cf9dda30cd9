import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { parseDate, toWareki } from './wareki';
import type { ComponentsOfAssessmentQuery, MergeResolutionChoice, SubmissionTiming } from '../../gql/graphql';

// Shared components in the editor: which items follow which component version, and the proposals of newer
// versions with their three-way view, adopted or declined with the 変更箇所 row's 提出時期 and 説明.
const ComponentsQuery = graphql(`
  query ComponentsOfAssessment($id: ID!) {
    assessment(id: $id) {
      id
      revision
      componentUses {
        useId itemId entryIds version mode similarity
        component { id componentId name issuer }
      }
      componentProposalsConnection(first: 100) {
        totalCount
        edges {
          node {
            id fromVersion toVersion status note timing explanation raisedAt deferredUntil
            component { id name issuer }
            use { useId itemId }
            merge {
              baseText newText localText clean conflicts mergedText
              chunks { conflict text base ours theirs }
            }
          }
        }
      }
    }
  }
`);

const AdoptMutation = graphql(`
  mutation AdoptComponentProposal($input: AdoptComponentProposalInput!) {
    adoptComponentProposal(input: $input) {
      __typename
      ... on ComponentEdited { revision }
      ... on Problem { code message }
    }
  }
`);

const DeclineMutation = graphql(`
  mutation DeclineComponentProposal($input: DeclineComponentProposalInput!) {
    declineComponentProposal(input: $input) {
      __typename
      ... on ComponentEdited { revision }
      ... on Problem { code message }
    }
  }
`);

const DeferMutation = graphql(`
  mutation DeferComponentProposal($input: DeferComponentProposalInput!) {
    deferComponentProposal(input: $input) {
      __typename
      ... on ComponentEdited { revision }
      ... on Problem { code message }
    }
  }
`);

type Proposal =
  NonNullable<ComponentsOfAssessmentQuery['assessment']>['componentProposalsConnection']['edges'][number]['node'];
type ItemLabel = (itemId: string) => string;

const MODES: Record<string, string> = { LOCKED: '固定（版のまま）', ADAPTED: '一部変更', DETACHED: '切り離し（追従しない）' };
const STATUSES: Record<string, string> = { PENDING: '未判断', DEFERRED: '保留中' };
const CHOICES: Record<'OURS' | 'THEIRS', string> = { THEIRS: '新しい版の文言', OURS: 'この評価書の文言' };

type Answer = { data?: Record<string, { __typename?: string; message?: string } | undefined> | null; error?: { message: string } };

/** What an adopt or decline answered, for the screen: null when it was done. */
function problemOf(result: Answer): string | null {
  if (result.error) {
    return `通信できませんでした（${result.error.message}）。もう一度お試しください。`;
  }
  const answer = Object.values(result.data ?? {})[0];
  if (answer?.__typename === 'ComponentEdited') {
    return null;
  }
  if (answer?.__typename === 'StaleRevision') {
    return '開いた後にこの評価書が変更されています。「最新の内容を表示する」で読み込み直してください。';
  }
  return answer?.message ?? '処理できませんでした';
}

/** The components panel of the editor; itemLabel names an item as the form numbers it. */
export function Components({ id, itemLabel, onChanged }: { id: string; itemLabel: ItemLabel; onChanged: () => void }) {
  const [{ data, error }, reload] = useQuery({ query: ComponentsQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const assessment = data?.assessment;
  if (error) {
    return <p role="alert" className="error">{error.message}</p>;
  }
  // the open proposals, at most 100 (one per use and newer version): more would not be read on one screen
  const proposals: Proposal[] = assessment?.componentProposalsConnection.edges.map((edge) => edge.node) ?? [];
  if (!assessment || (assessment.componentUses.length === 0 && proposals.length === 0)) {
    return null;
  }
  const changed = () => {
    reload({ requestPolicy: 'network-only' });
    onChanged();
  };
  return (
    <details className="card" data-testid="components" open={proposals.length > 0}>
      <summary className="label cursor-pointer">
        共通部品（{assessment.componentUses.length}箇所、新しい版の提案 {assessment.componentProposalsConnection.totalCount}件）
      </summary>
      <table className="mt-3 w-full text-left" data-testid="component-uses">
        <caption className="sr-only">共通部品を使っている項目</caption>
        <thead>
          <tr><th scope="col">項目</th><th scope="col">共通部品</th><th scope="col">版</th><th scope="col">追従のしかた</th></tr>
        </thead>
        <tbody>
          {assessment.componentUses.map((use) => (
            <tr key={use.useId} data-use={use.useId} className="border-t border-solid-gray-420">
              <td className="py-1 pr-3">{itemLabel(use.itemId)}</td>
              <td className="py-1 pr-3">{use.component.name}（{use.component.issuer}）</td>
              <td className="py-1 pr-3">第{use.version}版</td>
              <td className="py-1">{MODES[use.mode] ?? use.mode}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 grid gap-4">
        {proposals.map((proposal) => (
          <ProposalCard key={proposal.id} proposal={proposal} revision={assessment.revision} itemLabel={itemLabel}
                        onDone={changed} />
        ))}
      </div>
    </details>
  );
}

function ProposalCard({ proposal, revision, itemLabel, onDone }:
                        { proposal: Proposal; revision: number; itemLabel: ItemLabel; onDone: () => void }) {
  const conflicts = (proposal.merge?.chunks ?? []).filter((chunk) => chunk.conflict);
  const [choices, setChoices] = useState<MergeResolutionChoice[]>(() => conflicts.map(() => 'THEIRS'));
  const [timing, setTiming] = useState<SubmissionTiming>(proposal.timing);
  const [explanation, setExplanation] = useState(proposal.explanation);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [, adopt] = useMutation(AdoptMutation);
  const [, decline] = useMutation(DeclineMutation);
  const [, defer] = useMutation(DeferMutation);
  const key = proposal.id.replace(/[^A-Za-z0-9_-]/g, '');

  const report = (answer: Answer) => {
    const refused = problemOf(answer);
    setProblem(refused);
    if (!refused) {
      onDone();
    }
  };
  const onAdopt = async () => {
    if (!explanation.trim()) {
      setProblem('変更箇所の説明を入力してください。');
      return;
    }
    report(await adopt({ input: {
      proposalId: proposal.id, expectedRevision: revision, timing, explanation,
      resolutions: choices.map((take) => ({ take })), reason: reason.trim() || undefined,
    } }));
  };
  const onDecline = async () => {
    if (!reason.trim()) {
      setProblem('見送る理由を入力してください。');
      return;
    }
    report(await decline({ input: { proposalId: proposal.id, expectedRevision: revision, reason } }));
  };

  const onDefer = async () => {
    const date = until.trim() === '' ? undefined : parseDate(until);
    if (date === null) {
      setProblem('再検討日を 令和8年4月1日 のように入力してください。');
      return;
    }
    report(await defer({ input: { proposalId: proposal.id, expectedRevision: revision, until: date,
      reason: reason.trim() || undefined } }));
  };

  return (
    <section className="rounded-8 border border-warning-yellow-2 p-3" data-proposal={proposal.id}
             aria-labelledby={`proposal-${key}`}>
      <h3 id={`proposal-${key}`} className="label">
        {proposal.component.name}: 第{proposal.fromVersion}版 → 第{proposal.toVersion}版
        （<span data-testid="proposal-status">{STATUSES[proposal.status] ?? proposal.status}</span>）
      </h3>
      <p>項目: {proposal.use ? itemLabel(proposal.use.itemId) : '（使われていた繰り返しは削除されています）'}</p>
      <p>発行元からの説明: {proposal.note}</p>
      {proposal.deferredUntil && <p>再検討日: {toWareki(proposal.deferredUntil)}</p>}
      {proposal.merge && (
        <div className="mt-2 grid gap-2 md:grid-cols-3" data-testid="three-way">
          <Text title={`今の版（第${proposal.fromVersion}版）`} html={proposal.merge.baseText} />
          <Text title={`新しい版（第${proposal.toVersion}版）`} html={proposal.merge.newText} />
          <Text title="この評価書の文言" html={proposal.merge.localText} />
        </div>
      )}
      {proposal.merge?.clean
        ? <p className="mt-2">この評価書の変更と新しい版の変更は重なりません。採用すると自動で反映されます。</p>
        : conflicts.map((chunk, index) => (
          <fieldset key={index} className="mt-2 rounded-8 border border-solid-gray-420 p-2" data-conflict={index}>
            <legend className="label px-1">重なる変更 {index + 1}: どちらの文言を残しますか</legend>
            {(['THEIRS', 'OURS'] as const).map((take) => (
              <label key={take} className="flex items-start gap-2">
                <input type="radio" name={`conflict-${key}-${index}`} checked={choices[index] === take}
                       onChange={() => setChoices(choices.map((c, i) => (i === index ? take : c)))} />
                <span>{CHOICES[take]}: {stripTags(take === 'THEIRS' ? chunk.theirs : chunk.ours)}</span>
              </label>
            ))}
          </fieldset>
        ))}
      <div className="mt-3 grid gap-2 md:grid-cols-[12rem_1fr]">
        <div>
          <label htmlFor={`adopt-timing-${key}`} className="label">提出時期</label>
          <select id={`adopt-timing-${key}`} className="field" value={timing}
                  onChange={(e) => setTiming(e.target.value as SubmissionTiming)}>
            <option value="BEFORE">事前</option>
            <option value="AFTER">事後</option>
          </select>
        </div>
        <div>
          <label htmlFor={`adopt-explanation-${key}`} className="label">変更箇所の説明（採用するとき）</label>
          <textarea id={`adopt-explanation-${key}`} className="field" rows={2} value={explanation}
                    onChange={(e) => setExplanation(e.target.value)} />
        </div>
      </div>
      <label htmlFor={`proposal-reason-${key}`} className="label mt-2 block">理由（見送るときは必須）</label>
      <textarea id={`proposal-reason-${key}`} className="field" rows={2} value={reason}
                onChange={(e) => setReason(e.target.value)} />
      <label htmlFor={`proposal-until-${key}`} className="label mt-2 block">再検討日（保留するとき、任意）</label>
      <input id={`proposal-until-${key}`} className="field max-w-xs" placeholder="令和8年4月1日" value={until}
             onChange={(e) => setUntil(e.target.value)} />
      {problem && <p role="alert" className="error mt-2" data-testid="proposal-problem">{problem}</p>}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className="btn-primary" onClick={() => void onAdopt()}>第{proposal.toVersion}版を採用する</button>
        <button type="button" className="btn" onClick={() => void onDefer()}>保留する</button>
        <button type="button" className="btn" onClick={() => void onDecline()}>見送る</button>
      </div>
    </section>
  );
}

function Text({ title, html }: { title: string; html: string }) {
  return (
    <div className="rounded-8 bg-solid-gray-50 p-2">
      <p className="label">{title}</p>
      {/* as plain text, a paragraph or list item a line: imported copies can hold markup that is not valid as HTML */}
      <p className="whitespace-pre-wrap text-std-16N-170">{plainText(html)}</p>
    </div>
  );
}

function stripTags(html: string | null | undefined): string {
  return new DOMParser().parseFromString(html ?? '', 'text/html').body.textContent ?? '';
}

/** Rich text as lines: each paragraph, list item or line break starts a new line. */
function plainText(html: string): string {
  return stripTags(html.replace(/<br\s*\/?>|<\/(p|li|div|h[1-6])>/gi, (tag) => `${tag}\n`))
    .replace(/\n{2,}/g, '\n').trim();
}
