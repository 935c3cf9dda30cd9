import { useCallback, useRef } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { AnswerInput, StaleFieldsFragment } from '../../gql/graphql';

// The edits of the editor screen. Each sends the revision the editor has on screen (expectedRevision); the server
// refuses an edit of an older one with StaleRevision and what changed since, and nothing is stored.
export const StaleFields = graphql(`
  fragment StaleFields on StaleRevision {
    expectedRevision
    currentRevision
    changesSinceConnection(first: 20) {
      totalCount
      edges {
        cursor
        node {
          revision
          at
          actor { userId displayName }
          itemId
          item { number label }
          summary
          after { ...AnswerValueFields }
        }
      }
    }
  }
`);

const AnswerItemMutation = graphql(`
  mutation AnswerItem($input: AnswerItemInput!) {
    answerItem(input: $input) {
      __typename
      ... on AssessmentEdited { revision }
      ...StaleFields
      ... on Problem { code message }
    }
  }
`);

const ClearAnswerMutation = graphql(`
  mutation ClearAnswer($input: ClearAnswerInput!) {
    clearAnswer(input: $input) {
      __typename
      ... on AssessmentEdited { revision }
      ...StaleFields
      ... on Problem { code message }
    }
  }
`);

const AddEntryMutation = graphql(`
  mutation AddRepeatEntry($input: AddRepeatEntryInput!) {
    addRepeatEntry(input: $input) {
      __typename
      ... on AssessmentEdited { revision }
      ...StaleFields
      ... on Problem { code message }
    }
  }
`);

const RemoveEntryMutation = graphql(`
  mutation RemoveRepeatEntry($input: RemoveRepeatEntryInput!) {
    removeRepeatEntry(input: $input) {
      __typename
      ... on AssessmentEdited { revision }
      ...StaleFields
      ... on Problem { code message }
    }
  }
`);

const MoveEntryMutation = graphql(`
  mutation MoveRepeatEntry($input: MoveRepeatEntryInput!) {
    moveRepeatEntry(input: $input) {
      __typename
      ... on AssessmentEdited { revision }
      ...StaleFields
      ... on Problem { code message }
    }
  }
`);

const NextVersionMutation = graphql(`
  mutation StartNextVersion($input: StartNextVersionInput!) {
    startNextVersion(input: $input) {
      __typename
      ... on AssessmentEdited { revision }
      ...StaleFields
      ... on Problem { code message }
    }
  }
`);

export type Stale = StaleFieldsFragment;

export type Outcome =
  | { kind: 'saved' }
  | { kind: 'problem'; message: string }
  | { kind: 'stale'; stale: Stale }
  | { kind: 'network'; message: string };

type Result = {
  data?: Record<string, { __typename?: string; revision?: number; message?: string } | undefined> | null;
  error?: { networkError?: Error; graphQLErrors: { message: string }[]; message: string };
};

export interface Edits {
  /** The revision the editor has on screen: set from every load of the assessment. */
  seen(revision: number): void;
  answer(itemId: string, entryIds: string[], value: AnswerInput, revision?: number): Promise<Outcome>;
  clear(itemId: string, entryIds: string[]): Promise<Outcome>;
  addEntry(groupId: string, parentEntryIds: string[]): Promise<Outcome>;
  removeEntry(groupId: string, parentEntryIds: string[], entryId: string): Promise<Outcome>;
  /** toPosition: 0-based, among the entries of the same parent. */
  moveEntry(groupId: string, parentEntryIds: string[], entryId: string, toPosition: number): Promise<Outcome>;
  nextVersion(): Promise<Outcome>;
}

export function useEdits(assessmentId: string, afterSave: () => void): Edits {
  const revision = useRef(0);
  const [, answerItem] = useMutation(AnswerItemMutation);
  const [, clearAnswer] = useMutation(ClearAnswerMutation);
  const [, addRepeatEntry] = useMutation(AddEntryMutation);
  const [, removeRepeatEntry] = useMutation(RemoveEntryMutation);
  const [, moveRepeatEntry] = useMutation(MoveEntryMutation);
  const [, startNextVersion] = useMutation(NextVersionMutation);

  const outcome = useCallback((result: Result): Outcome => {
    if (result.error) {
      return result.error.networkError
        ? { kind: 'network', message: '通信できませんでした。入力は残っています。もう一度保存してください。' }
        : { kind: 'problem', message: result.error.graphQLErrors[0]?.message ?? result.error.message };
    }
    const answer = Object.values(result.data ?? {})[0];
    if (answer?.__typename === 'AssessmentEdited' && answer.revision !== undefined) {
      revision.current = answer.revision;
      afterSave();
      return { kind: 'saved' };
    }
    if (answer?.__typename === 'StaleRevision') {
      return { kind: 'stale', stale: answer as unknown as Stale };
    }
    return { kind: 'problem', message: answer?.message ?? '保存できませんでした' };
  }, [afterSave]);

  // Every edit names the assessment and the revision on screen; the rest of its input is the edit's own.
  type Execute<I> = (variables: { input: I }) => Promise<Result>;
  const send = async <I,>(execute: Execute<I>, input: Omit<I, 'assessmentId' | 'expectedRevision'>, expected?: number) =>
    outcome(await execute({ input: { assessmentId, expectedRevision: expected ?? revision.current, ...input } as I }));

  return {
    seen: (value) => {
      revision.current = Math.max(revision.current, value);
    },
    answer: (itemId, entryIds, value, expected) => send(answerItem, { itemId, entryIds, value }, expected),
    clear: (itemId, entryIds) => send(clearAnswer, { itemId, entryIds }),
    addEntry: (groupId, parentEntryIds) => send(addRepeatEntry, { groupId, parentEntryIds }),
    removeEntry: (groupId, parentEntryIds, entryId) => send(removeRepeatEntry, { groupId, parentEntryIds, entryId }),
    moveEntry: (groupId, parentEntryIds, entryId, toPosition) =>
      send(moveRepeatEntry, { groupId, parentEntryIds, entryId, toPosition }),
    nextVersion: () => send(startNextVersion, {}),
  };
}
