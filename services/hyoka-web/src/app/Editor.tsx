import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../../gql';
import type { EditorFormQuery } from '../../gql/graphql';
import { Components } from './Components';
import { useEdits, type Edits } from './editing';
import { ItemField } from './ItemField';
import { KIND_LABELS } from './labels';
import { href } from './route';
import { describe, type AnswerValue } from './values';

const AssessmentQuery = graphql(`
  query AssessmentEditor($id: ID!) {
    assessment(id: $id) {
      id
      affairName
      kind
      revision
      status
      version
      form { kind version }
      answers { item { itemId } entries { entryId } value { ...AnswerValueFields } }
      repeatEntries { entryId ordinal label parentEntryIds group { groupId } }
      completeness {
        complete
        unansweredCount
        gaps { section { sectionId } entries { entryId } unansweredItems { itemId } group { groupId } entryCount minimum }
      }
    }
  }
`);

const FormQuery = graphql(`
  query EditorForm($kind: FormKind!, $version: String) {
    form(kind: $kind, version: $version) {
      title
      sections {
        sectionId
        number
        label
        note
        items {
          itemId
          number
          label
          type
          maxLength
          minimum
          maximum
          help
          heading
          options { code label freeText count }
          repeatGroup { groupId label min max parent { groupId label min max parent { groupId label min max } } }
        }
      }
    }
  }
`);

const ChangedSubscription = graphql(`
  subscription AssessmentChanged($assessmentId: ID!) {
    assessmentChanged(assessmentId: $assessmentId) {
      revision
      changes { revision actor { userId displayName } item { number label } summary after { ...AnswerValueFields } }
    }
  }
`);

type Section = NonNullable<EditorFormQuery['form']>['sections'][number];
type Item = Section['items'][number];
type Group = { groupId: string; label: string; min: number; max: number; parent?: Group | null };
type Entry = { entryId: string; ordinal: number; label: string; parentEntryIds: string[]; group: { groupId: string } };

export const answerKey = (itemId: string, entryIds: string[]) => `${itemId}|${entryIds.join(',')}`;

export function Editor({ id, viewerId }: { id: string; viewerId: string }) {
  const [{ data, error, fetching }, reload] = useQuery({ query: AssessmentQuery, variables: { id } });
  const assessment = data?.assessment;
  const [{ data: formData }] = useQuery({
    query: FormQuery,
    variables: { kind: assessment?.form.kind ?? 'ALL_ITEMS', version: assessment?.form.version },
    pause: !assessment,
  });
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  const edits = useEdits(id, refresh);
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [{ data: live }] = useSubscription({ query: ChangedSubscription, variables: { assessmentId: id } },
    (previous: LiveChange[] = [], event): LiveChange[] => [...previous,
      ...event.assessmentChanged.changes.filter((c) => c.actor.userId !== viewerId)]);

  useEffect(() => {
    if (assessment) {
      edits.seen(assessment.revision);
    }
  }, [assessment, edits]);

  const answers = useMemo(() => new Map<string, AnswerValue>((assessment?.answers ?? []).map((a) =>
    [answerKey(a.item.itemId, a.entries.map((e) => e.entryId)), a.value])), [assessment]);
  const missingItems = useMemo(() => new Set((assessment?.completeness.gaps ?? []).flatMap((gap) =>
    gap.unansweredItems.map((item) => answerKey(item.itemId, gap.entries.map((e) => e.entryId))))), [assessment]);
  const unanswered = useMemo(() => {
    const counts = new Map<string, number>();
    for (const gap of assessment?.completeness.gaps ?? []) {
      const missing = gap.unansweredItems.length + (gap.group && (gap.entryCount ?? 0) < (gap.minimum ?? 0) ? 1 : 0);
      counts.set(gap.section.sectionId, (counts.get(gap.section.sectionId) ?? 0) + missing);
    }
    return counts;
  }, [assessment]);

  if (error) {
    return <p role="alert" className="error">{error.message}</p>;
  }
  if (!assessment) {
    return <p>{fetching ? '読み込み中…' : 'この評価書は見つかりません。'}</p>;
  }
  const sections = formData?.form?.sections ?? [];
  const itemLabel = (itemId: string) => {
    const item = sections.flatMap((s) => s.items).find((i) => i.itemId === itemId);
    return item ? `${item.number} ${item.label}` : itemId;
  };
  const current = sections.find((s) => s.sectionId === sectionId) ?? sections[0];
  const others = (live ?? []).filter((c) => c.revision > assessment.revision);
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-std-28B-150">{assessment.affairName}</h1>
        <p>
          {KIND_LABELS[assessment.kind]}・第{assessment.version}版（{assessment.status === 'PUBLISHED' ? '公表済' : '作成中'}）・
          改訂 <span data-testid="revision">{assessment.revision}</span>・
          {assessment.completeness.complete ? 'すべて回答済み' : `未回答 ${assessment.completeness.unansweredCount} 項目`}
        </p>
        <a href={href({ screen: 'history', id })}>履歴・変更箇所・公表・出力</a>
      </div>
      {assessment.status === 'PUBLISHED' && <NextVersion version={assessment.version} edits={edits} />}
      <div aria-live="polite">
        {others.length > 0 && (
          <div className="card border-warning-yellow-2 bg-yellow-50" data-testid="live-changes">
            <p className="label">ほかの職員がこの評価書を変更しました（画面の内容はまだ古いままです）:</p>
            <ul className="list-disc pl-6">
              {others.map((c, index) => (
                <li key={index}>{c.actor.displayName}: {c.item ? `${c.item.number} ${c.item.label}` : c.summary} → {describe(c.after)}</li>
              ))}
            </ul>
            <button type="button" className="btn mt-2" onClick={refresh}>最新の内容を表示する</button>
          </div>
        )}
      </div>
      <Components id={id} itemLabel={itemLabel} onChanged={refresh} />
      <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
        <nav aria-label="章立て">
          <ol className="grid gap-1">
            {sections.map((s) => {
              const missing = unanswered.get(s.sectionId) ?? 0;
              return (
                <li key={s.sectionId}>
                  <button type="button" onClick={() => setSectionId(s.sectionId)} data-section={s.sectionId}
                          aria-current={s === current ? 'true' : undefined}
                          className={`w-full rounded-8 px-2 py-1 text-left ${s === current ? 'bg-blue-100 text-std-16B-170' : 'hover:bg-solid-gray-50'}`}>
                    {s.number} {s.label}
                    <span className="block text-std-16N-170 text-solid-gray-700">{missing === 0 ? '回答済み' : `未回答 ${missing}`}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        {current && (
          <section aria-labelledby="section-title" className="grid gap-4">
            <h2 id="section-title" className="text-std-24B-150">{current.number} {current.label}</h2>
            {current.note && <p className="text-solid-gray-700">{current.note}</p>}
            <Level items={current.items} depth={0} entryIds={[]}
                   context={{ answers, missingItems, entries: assessment.repeatEntries, edits, refresh }} />
          </section>
        )}
      </div>
    </div>
  );
}

/** A published version is frozen: edits go to the next version's draft, which the editor starts here. */
function NextVersion({ version, edits }: { version: number; edits: Edits }) {
  const [problem, setProblem] = useState<string | null>(null);
  const start = async () => {
    const outcome = await edits.nextVersion();
    setProblem(outcome.kind === 'saved' ? null : outcome.kind === 'stale' ? '開いた後に変更されています。読み込み直してください。' : outcome.message);
  };
  return (
    <div className="card flex flex-wrap items-center gap-3">
      <p>第{version}版は公表済みのため変更できません。変更するには次の版を作り始めます。</p>
      <button type="button" className="btn-primary" onClick={() => void start()}>第{version + 1}版の作成を始める</button>
      {problem && <p role="alert" className="error">{problem}</p>}
    </div>
  );
}

type LiveChange = {
  revision: number;
  actor: { userId: string; displayName: string };
  item?: { number: string; label: string } | null;
  summary?: string | null;
  after?: AnswerValue | null;
};

interface Context {
  answers: Map<string, AnswerValue>;
  missingItems: Set<string>;
  entries: Entry[];
  edits: Edits;
  refresh: () => void;
}

function chainOf(group: Group | null | undefined): Group[] {
  return group ? [...chainOf(group.parent), group] : [];
}

type Block = { item: Item } | { group: Group; items: Item[] };

/** The items of one repeat level, in form order: plain items, and each repeat group once with its entries. */
function Level({ items, depth, entryIds, context }: { items: Item[]; depth: number; entryIds: string[]; context: Context }) {
  const blocks: Block[] = [];
  for (const item of items) {
    const chain = chainOf(item.repeatGroup);
    if (chain.length <= depth) {
      blocks.push({ item });
      continue;
    }
    const group = chain[depth];
    const last = blocks[blocks.length - 1];
    if (last && 'group' in last && last.group.groupId === group.groupId) {
      last.items.push(item);
    } else {
      blocks.push({ group, items: [item] });
    }
  }
  return (
    <>
      {blocks.map((block) => 'item' in block
        ? <ItemField key={block.item.itemId} item={block.item} entryIds={entryIds} edits={context.edits}
                     saved={context.answers.get(answerKey(block.item.itemId, entryIds))} reload={context.refresh}
                     missing={context.missingItems.has(answerKey(block.item.itemId, entryIds))} />
        : <Repeat key={block.group.groupId} group={block.group} items={block.items} depth={depth}
                  parentEntryIds={entryIds} context={context} />)}
    </>
  );
}

function Repeat({ group, items, depth, parentEntryIds, context }:
                  { group: Group; items: Item[]; depth: number; parentEntryIds: string[]; context: Context }) {
  const [problem, setProblem] = useState<string | null>(null);
  const entries = context.entries
    .filter((e) => e.group.groupId === group.groupId && e.parentEntryIds.join(',') === parentEntryIds.join(','))
    .sort((a, b) => a.ordinal - b.ordinal);
  const report = (outcome: Awaited<ReturnType<Edits['addEntry']>>) => setProblem(
    outcome.kind === 'saved' ? null
      : outcome.kind === 'stale' ? '開いた後に変更されています。「最新の内容を表示する」で読み込み直してください。'
        : outcome.message);
  return (
    <fieldset className="rounded-8 border border-solid-gray-420 p-3" data-group={group.groupId}>
      <legend className="label px-1">{group.label}（{entries.length}件、{group.min}〜{group.max}件）</legend>
      <div className="grid gap-3">
        {entries.map((entry, index) => (
          <div key={entry.entryId} className="rounded-8 bg-solid-gray-50 p-3" data-entry={entry.entryId}>
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h3 className="label">{entry.label || `${group.label} ${entry.ordinal}`}</h3>
              <span className="flex-1" />
              <button type="button" className="btn" disabled={index === 0}
                      onClick={async () => report(await context.edits.moveEntry(group.groupId, parentEntryIds, entry.entryId, index - 1))}>
                上へ
              </button>
              <button type="button" className="btn" disabled={index === entries.length - 1}
                      onClick={async () => report(await context.edits.moveEntry(group.groupId, parentEntryIds, entry.entryId, index + 1))}>
                下へ
              </button>
              <button type="button" className="btn" disabled={entries.length <= group.min}
                      onClick={async () => report(await context.edits.removeEntry(group.groupId, parentEntryIds, entry.entryId))}>
                この{group.label}を削除
              </button>
            </div>
            <Level items={items} depth={depth + 1} entryIds={[...parentEntryIds, entry.entryId]} context={context} />
          </div>
        ))}
      </div>
      {problem && <p role="alert" className="error">{problem}</p>}
      <button type="button" className="btn mt-3" disabled={entries.length >= group.max}
              onClick={async () => report(await context.edits.addEntry(group.groupId, parentEntryIds))}>
        {group.label}を追加
      </button>
    </fieldset>
  );
}
