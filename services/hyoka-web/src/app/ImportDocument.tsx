import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { FormKind, ImportDocumentMutation } from '../../gql/graphql';
import { KIND_LABELS } from './labels';
import { href } from './route';

// Importing a published 評価書 (the tab-separated file the municipality published): the file is read in the browser
// and sent base64-encoded to importDocument; the answer's report says what was read, mapped and kept aside.
const ImportMutation = graphql(`
  mutation ImportDocument($input: ImportDocumentInput!) {
    importDocument(input: $input) {
      __typename
      ... on DocumentImported {
        assessment { id affairName unmappedContent { sourceLine label content } }
        report {
          form rowsRead rowsMapped rowsWarned answers repeatEntries pastChanges itemPathsResolved encoding
          alreadyImported
          warnings { line message }
        }
        linkedComponents { useId }
      }
      ... on Problem { code message }
    }
  }
`);

type Imported = Extract<ImportDocumentMutation['importDocument'], { __typename: 'DocumentImported' }>;

const SHOWN = 20;

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function ImportDocument() {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<FormKind | ''>('');
  const [affairName, setAffairName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [{ fetching }, importDocument] = useMutation(ImportMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setImported(null);
    if (!file) {
      setProblem('取り込むファイルを選んでください。');
      return;
    }
    let contentBase64: string;
    try {
      contentBase64 = await base64Of(file);
    } catch {
      setProblem('ファイルを読み込めませんでした。');
      return;
    }
    const result = await importDocument({ input: {
      fileName: file.name, contentBase64, kind: kind || undefined, affairName: affairName.trim() || undefined,
    } });
    const answer = result.data?.importDocument;
    if (result.error) {
      setProblem(result.error.networkError ? '通信できませんでした。もう一度取り込んでください。' : result.error.message);
    } else if (answer?.__typename === 'DocumentImported') {
      setProblem(null);
      setImported(answer);
    } else {
      setProblem(answer && 'message' in answer ? answer.message : '取り込めませんでした');
    }
  };

  return (
    <section aria-labelledby="import-title" className="card">
      <h2 id="import-title" className="text-std-24B-150 mb-3">公表済みの評価書を取り込む</h2>
      <form className="grid gap-3" onSubmit={(e) => void submit(e)}>
        <div>
          <label htmlFor="import-file" className="label">評価書のファイル（タブ区切り。UTF-8、Shift_JIS など）</label>
          <input id="import-file" type="file" accept=".txt,.tsv,text/plain,text/tab-separated-values" className="field"
                 aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'import-problem' : undefined}
                 onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="grid gap-3 md:grid-cols-2">
          <div>
            <label htmlFor="import-kind" className="label">様式（変更箇所だけのファイルのとき）</label>
            <select id="import-kind" className="field" value={kind} onChange={(e) => setKind(e.target.value as FormKind | '')}>
              <option value="">ファイルから読み取る</option>
              {Object.entries(KIND_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="import-name" className="label">事務の名称（ファイルに書かれていないとき）</label>
            <input id="import-name" className="field" value={affairName} onChange={(e) => setAffairName(e.target.value)} />
          </div>
        </div>
        {problem && <p id="import-problem" role="alert" className="error">{problem}</p>}
        <div><button type="submit" className="btn-primary" disabled={fetching}>取り込む</button></div>
      </form>
      {imported && <Report imported={imported} />}
    </section>
  );
}

function Report({ imported }: { imported: Imported }) {
  const { report, assessment } = imported;
  const rows: [string, string, number | string][] = [
    ['form', '読み取った様式', report.form],
    ['encoding', '文字コード', report.encoding],
    ['rows-read', '読み取った行', report.rowsRead],
    ['rows-mapped', '項目に対応づけた行', report.rowsMapped],
    ['rows-warned', '対応する項目がなく別に保管した行', report.rowsWarned],
    ['answers', '記載した回答', report.answers],
    ['repeat-entries', '作成した繰り返し', report.repeatEntries],
    ['past-changes', '変更箇所の行', report.pastChanges],
    ['unresolved', 'うち項目を特定できなかった行', report.pastChanges - report.itemPathsResolved],
    ['linked-components', '共通部品として認識した記載', imported.linkedComponents.length],
  ];
  return (
    <div className="mt-4 grid gap-3" data-testid="import-report" aria-live="polite">
      <p className="label">
        {report.alreadyImported ? 'このファイルは取り込み済みです（何も追加していません）' : '取り込みました'}:{' '}
        <a href={href({ screen: 'editor', id: assessment.id })} data-testid="imported-link">{assessment.affairName}</a>
      </p>
      <table className="text-left">
        <caption className="sr-only">取り込みの結果</caption>
        <tbody>
          {rows.map(([key, label, value]) => (
            <tr key={key} className="border-t border-solid-gray-420">
              <th scope="row" className="py-1 pr-4 font-normal">{label}</th>
              <td className="py-1" data-count={key}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.warnings.length > 0 && (
        <div>
          <h3 className="label">注意（{report.warnings.length}件{report.warnings.length > SHOWN ? `、先頭${SHOWN}件` : ''}）</h3>
          <ul className="list-disc pl-6" data-testid="import-warnings">
            {report.warnings.slice(0, SHOWN).map((w, index) => <li key={index}>{w.line}行目: {w.message}</li>)}
          </ul>
        </div>
      )}
      {assessment.unmappedContent.length > 0 && (
        <div>
          <h3 className="label">別に保管した記載</h3>
          <ul className="list-disc pl-6" data-testid="import-unmapped">
            {assessment.unmappedContent.slice(0, SHOWN).map((u, index) => (
              <li key={index}>{u.sourceLine}行目 {u.label && `「${u.label}」`}: {u.content.slice(0, 120)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
