import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { EditorFormQuery } from '../../gql/graphql';
import type { Edits, Outcome, Stale } from './editing';
import { formatDateTime } from './labels';
import { describe, draftOf, inputOf, type AnswerValue, type Draft } from './values';
import { parseDate, shift, toWareki } from './wareki';

type Item = NonNullable<EditorFormQuery['form']>['sections'][number]['items'][number];

interface Props {
  item: Item;
  entryIds: string[];
  saved: AnswerValue | undefined;
  /** Still to be answered for the document to be complete (Assessment.completeness). */
  missing: boolean;
  edits: Edits;
  reload: () => void;
}

/**
 * One numbered item with the widget its type needs. Text-like widgets save when they lose focus, choices when they
 * change. A refused edit keeps what was typed and says why beside the item; a stale revision shows who changed what
 * and lets the editor choose.
 */
export function ItemField({ item, entryIds, saved, missing, edits, reload }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [outcome, setOutcome] = useState<Outcome | { kind: 'idle' | 'saving' }>({ kind: 'idle' });
  const savedJson = JSON.stringify(draftOf(saved));
  const held = outcome.kind === 'problem' || outcome.kind === 'stale' || outcome.kind === 'network';

  useEffect(() => {
    if (!held) {
      setDraft(JSON.parse(savedJson) as Draft);
    }
  }, [savedJson]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (next: Draft = draft, revision?: number) => {
    if (JSON.stringify(next) === savedJson && revision === undefined && !held) {
      return;
    }
    const value = inputOf(item.type, next);
    if (value === undefined) {
      setOutcome({ kind: 'problem', message: '値を入力してください（回答を消すときは「回答を消す」）。' });
      return;
    }
    setOutcome({ kind: 'saving' });
    setOutcome(await edits.answer(item.itemId, entryIds, value, revision));
  };
  const change = (next: Draft, now = false) => {
    setDraft(next);
    if (now) {
      void save(next);
    }
  };
  const errorId = `${id}-error`;
  const describedBy = [item.help ? `${id}-help` : '', held ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = { 'aria-describedby': describedBy, 'aria-invalid': held ? true : undefined };
  const key = [item.itemId, ...entryIds].join('-');
  const badge = missing && <span className="ml-2 rounded-4 bg-yellow-100 px-1 text-std-16N-170 text-solid-gray-900">未回答</span>;

  return (
    <div className="grid gap-1" data-item={key} data-item-id={item.itemId} data-entry-ids={entryIds.join(',')}
         data-type={item.type}>
      {item.heading && <p className="text-std-18B-160">{item.heading}</p>}
      {isChoice(item) ? (
        <fieldset {...common}>
          <legend className="label">{item.number} {item.label}{badge}</legend>
          <Choices item={item} draft={draft} name={id} onChange={change} onBlur={() => void save()} />
        </fieldset>
      ) : (
        <>
          <label htmlFor={id} className="label">{item.number} {item.label}{badge}</label>
          <Input item={item} id={id} draft={draft} common={common}
                 onChange={(text) => change({ ...draft, text })} onBlur={() => void save()} />
          {item.type === 'RICH_TEXT' && saved?.__typename === 'RichTextValue' && (
            // The server sanitises rich text before it stores it: what it answers is safe to render.
            <div className="rounded-8 bg-solid-gray-50 p-2" aria-label={`${item.number} の表示`}
                 dangerouslySetInnerHTML={{ __html: saved.html }} />
          )}
        </>
      )}
      {item.help && <p id={`${id}-help`} className="text-solid-gray-700">{item.help}</p>}
      {saved && (
        <div>
          <button type="button" className="text-std-16N-170 text-blue-1000 underline"
                  aria-label={`${item.number} ${item.label}の回答を消す`}
                  onClick={async () => {
                    setOutcome({ kind: 'saving' });
                    setOutcome(await edits.clear(item.itemId, entryIds));
                  }}>
            回答を消す
          </button>
        </div>
      )}
      <Status outcome={outcome} errorId={errorId} onRetry={() => void save()}
              onReapply={(stale) => void save(draft, stale.currentRevision)}
              onReload={() => {
                setOutcome({ kind: 'idle' });
                setDraft(JSON.parse(savedJson) as Draft);
                reload();
              }} />
    </div>
  );
}

function isChoice(item: Item): boolean {
  return item.type === 'SINGLE_CHOICE' || item.type === 'MULTIPLE_CHOICE';
}

function Input({ item, id, draft, common, onChange, onBlur }: {
  item: Item; id: string; draft: Draft; common: object; onChange: (text: string) => void; onBlur: () => void;
}) {
  const props = { id, value: draft.text, onBlur, className: 'field', ...common };
  switch (item.type) {
    case 'NUMBER':
      return <input {...props} type="number" inputMode="numeric" min={item.minimum ?? undefined}
                    max={item.maximum ?? undefined} onChange={(e) => onChange(e.target.value)} />;
    case 'DATE':
      return <WarekiInput id={id} text={draft.text} common={common as { 'aria-describedby'?: string }}
                          onChange={onChange} onBlur={onBlur} />;
    case 'TEXT':
      return <textarea {...props} rows={draft.text.length > 80 ? 4 : 2} onChange={(e) => onChange(e.target.value)} />;
    default:
      // RICH_TEXT and SHARED_COMPONENT: HTML (p, ul, ol, li, strong, em, br); the server removes anything else.
      return <textarea {...props} rows={6} onChange={(e) => onChange(e.target.value)} />;
  }
}

function Choices({ item, draft, name, onChange, onBlur }: {
  item: Item; draft: Draft; name: string; onChange: (next: Draft, now?: boolean) => void; onBlur: () => void;
}) {
  const multiple = item.type === 'MULTIPLE_CHOICE';
  return (
    <div className="grid gap-1">
      {item.options.map((option) => {
        const selected = option.code in draft.selections;
        const part = draft.selections[option.code];
        const setPart = (next: { text: string; count: string }) =>
          onChange({ ...draft, selections: { ...draft.selections, [option.code]: next } });
        const toggle = () => {
          if (!multiple) {
            onChange({ ...draft, selections: { [option.code]: { text: '', count: '' } } }, true);
            return;
          }
          const selections = { ...draft.selections };
          if (selected) {
            delete selections[option.code];
          } else {
            selections[option.code] = { text: '', count: '' };
          }
          onChange({ ...draft, selections }, true);
        };
        return (
          <div key={option.code} className="flex flex-wrap items-center gap-2">
            <label className="inline-flex items-center gap-2">
              <input type={multiple ? 'checkbox' : 'radio'} name={name} checked={selected} onChange={toggle}
                     className="size-5" />
              {option.label}
            </label>
            {selected && option.freeText && (
              <input aria-label={`${option.label}の内容`} className="field max-w-md" value={part?.text ?? ''}
                     onChange={(e) => setPart({ text: e.target.value, count: part?.count ?? '' })} onBlur={onBlur} />
            )}
            {selected && option.count && (
              <input aria-label={`${option.label}の件数`} type="number" className="field w-28" value={part?.count ?? ''}
                     onChange={(e) => setPart({ text: part?.text ?? '', count: e.target.value })} onBlur={onBlur} />
            )}
          </div>
        );
      })}
    </div>
  );
}

function Status({ outcome, errorId, onRetry, onReapply, onReload }: {
  outcome: Outcome | { kind: 'idle' | 'saving' }; errorId: string; onRetry: () => void;
  onReapply: (stale: Stale) => void; onReload: () => void;
}) {
  switch (outcome.kind) {
    case 'saving':
      return <p className="text-solid-gray-700" role="status">保存中…</p>;
    case 'saved':
      return <p className="text-success-2" role="status">保存しました</p>;
    case 'problem':
      return <p id={errorId} role="alert" className="error" data-testid="item-problem">{outcome.message}</p>;
    case 'network':
      return (
        <div id={errorId} role="alert" className="error">
          {outcome.message} <button type="button" className="btn" onClick={onRetry}>もう一度保存する</button>
        </div>
      );
    case 'stale':
      return (
        <div id={errorId} role="alert" className="card border-warning-orange-2" data-testid="stale-revision">
          <p className="label">
            この評価書は、開いた後にほかの職員が変更しました（改訂 {outcome.stale.expectedRevision} → {outcome.stale.currentRevision}）。
            あなたの入力はまだ保存されていません。
          </p>
          <ul className="list-disc pl-6">
            {/* Keyed by the line's cursor: the lines of one import share its revision. */}
            {outcome.stale.changesSinceConnection.edges.map(({ cursor, node: change }) => (
              <li key={cursor}>
                {change.actor.displayName}（{formatDateTime(change.at)}）:
                {' '}{change.item ? `${change.item.number} ${change.item.label}` : change.summary} → {describe(change.after)}
              </li>
            ))}
          </ul>
          {outcome.stale.changesSinceConnection.totalCount > outcome.stale.changesSinceConnection.edges.length && (
            <p>
              ほか {outcome.stale.changesSinceConnection.totalCount - outcome.stale.changesSinceConnection.edges.length}
              {' '}件の変更があります（履歴で確認できます）。
            </p>
          )}
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className="btn-primary" onClick={() => onReapply(outcome.stale)}>
              自分の入力で保存し直す
            </button>
            <button type="button" className="btn" onClick={onReload}>最新の内容を読み込む（自分の入力を破棄）</button>
          </div>
        </div>
      );
    default:
      return null;
  }
}

/**
 * A 和暦 date: typed as 令和7年4月1日 (元年, R7.4.1 and ISO too), shown as 和暦 with the ISO date it stores beside it.
 * ↑/↓ move it by a day, PageUp/PageDown (or Shift+↑/↓) by a month; an empty field starts from today.
 */
function WarekiInput({ id, text, common, onChange, onBlur }: {
  id: string; text: string; common: { 'aria-describedby'?: string }; onChange: (text: string) => void; onBlur: () => void;
}) {
  const parsed = parseDate(text);
  const hintId = `${id}-date`;
  const move = (event: KeyboardEvent<HTMLInputElement>) => {
    const days = { ArrowUp: 1, ArrowDown: -1 }[event.key] ?? 0;
    const months = { PageUp: 1, PageDown: -1 }[event.key] ?? 0;
    if (days === 0 && months === 0) {
      return;
    }
    event.preventDefault();
    const from = parsed ?? (text.trim() === '' ? new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }) : null);
    if (from) {
      onChange(toWareki(event.shiftKey ? shift(from, 0, days) : shift(from, days, months)));
    }
  };
  return (
    <>
      <input id={id} type="text" className="field max-w-xs" value={text} placeholder="令和7年4月1日" {...common}
             aria-describedby={[common['aria-describedby'], hintId].filter(Boolean).join(' ')}
             onChange={(e) => onChange(e.target.value)} onKeyDown={move}
             onBlur={() => {
               if (parsed && toWareki(parsed) !== text) {
                 onChange(toWareki(parsed));
               }
               onBlur();
             }} />
      <p id={hintId} className="text-solid-gray-700" data-testid="date-hint">
        {text.trim() === '' ? '令和7年4月1日 のように入力します（↑↓で1日、PageUp/PageDownで1か月動かせます）'
          : parsed ? `西暦 ${parsed}（${toWareki(parsed)}）として保存します` : '日付として読めません（例: 令和7年4月1日）'}
      </p>
    </>
  );
}
