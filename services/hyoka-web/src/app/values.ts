import { graphql } from '../../gql';
import type { AnswerInput, AnswerValueFieldsFragment, ItemType } from '../../gql/graphql';
import { parseDate } from './wareki';

export const AnswerValueFields = graphql(`
  fragment AnswerValueFields on AnswerValue {
    __typename
    ... on TextValue { text }
    ... on RichTextValue { html plainText }
    ... on NumberValue { number }
    ... on DateValue { date wareki }
    ... on ChoiceValue { code label detail count }
    ... on MultiChoiceValue { selections { code label detail count } }
  }
`);

export type AnswerValue = AnswerValueFieldsFragment;

/**
 * What the editor has typed into one item, as the widgets hold it (strings, so nothing typed is ever lost). A choice
 * item's options are in selections: one entry for SINGLE_CHOICE, any number for MULTIPLE_CHOICE.
 */
export interface Draft {
  text: string;
  selections: Record<string, { text: string; count: string }>;
}

export const EMPTY_DRAFT: Draft = { text: '', selections: {} };

export function draftOf(value: AnswerValue | null | undefined): Draft {
  if (!value) {
    return EMPTY_DRAFT;
  }
  switch (value.__typename) {
    case 'TextValue':
      return { ...EMPTY_DRAFT, text: value.text };
    case 'RichTextValue':
      return { ...EMPTY_DRAFT, text: value.html };
    case 'NumberValue':
      return { ...EMPTY_DRAFT, text: String(value.number) };
    case 'DateValue':
      return { ...EMPTY_DRAFT, text: value.wareki };
    case 'ChoiceValue':
      return { ...EMPTY_DRAFT, selections: selectionsOf([value]) };
    case 'MultiChoiceValue':
      return { ...EMPTY_DRAFT, selections: selectionsOf(value.selections) };
    default:
      return EMPTY_DRAFT;
  }
}

function selectionsOf(chosen: { code: string; detail?: string | null; count?: number | null }[]): Draft['selections'] {
  return Object.fromEntries(chosen.map((s) => [s.code, { text: s.detail ?? '', count: count(s.count) }]));
}

function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function integer(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/**
 * The answerItem value for a draft; the server checks it (type, length, range, date) and says what is wrong.
 * Undefined when there is nothing to send: AnswerInput is a one-of, and a blank number or no option chosen has no
 * member to set (the server would refuse it as a request error, not as a Problem).
 */
export function inputOf(type: ItemType, draft: Draft): AnswerInput | undefined {
  const selections = Object.entries(draft.selections)
    .map(([code, s]) => ({ code, text: s.text || undefined, count: integer(s.count) }));
  switch (type) {
    case 'TEXT':
      return { text: draft.text };
    case 'RICH_TEXT':
    case 'SHARED_COMPONENT':
      return { richText: draft.text };
    case 'NUMBER': {
      const number = integer(draft.text);
      return number === undefined || Number.isNaN(number) ? undefined : { number };
    }
    case 'DATE':
      // ISO when the widget could read it; otherwise as typed, so the server's InvalidDate says what is wrong
      return { date: parseDate(draft.text) ?? draft.text.trim() };
    case 'SINGLE_CHOICE':
      return selections.length === 1 ? { selection: selections[0] } : undefined;
    case 'MULTIPLE_CHOICE':
      return { choices: selections };
  }
}

/** One line a person reads: the history, the conflict panel, the live banner. */
export function describe(value: AnswerValue | null | undefined): string {
  if (!value) {
    return '（なし）';
  }
  switch (value.__typename) {
    case 'TextValue':
      return value.text;
    case 'RichTextValue':
      return value.plainText;
    case 'NumberValue':
      return String(value.number);
    case 'DateValue':
      return value.wareki;
    case 'ChoiceValue':
      return chosenText(value);
    case 'MultiChoiceValue':
      return value.selections.map(chosenText).join('、');
    default:
      return '';
  }
}

function chosenText(value: { label: string; detail?: string | null; count?: number | null }): string {
  return value.label + (value.detail ? `（${value.detail}）` : '') + (value.count != null ? ` ${value.count}件` : '');
}
