// 和暦 dates as 評価書 print them (令和7年4月1日, 令和元年5月1日), read and written in the browser: the date widget
// shows and accepts them and stores ISO dates (answerItem's `date`). The server reads both forms and refuses
// impossible dates (令和7年2月29日, 平成31年5月1日) with InvalidDate; this only spares a round trip per keystroke.

const ERAS = [
  { name: '令和', letter: 'R', start: '2019-05-01' },
  { name: '平成', letter: 'H', start: '1989-01-08' },
  { name: '昭和', letter: 'S', start: '1926-12-25' },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Full-width digits and separators as ASCII, spaces removed. */
function normalise(text: string): string {
  return text.trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．／－]/g, (c) => ({ '．': '.', '／': '/', '－': '-' })[c] ?? c)
    .replace(/\s+/g, '');
}

/** The ISO date a 和暦 (令和7年4月1日, R7.4.1) or ISO (2025-04-01, 2025/4/1) text names; null if it names none. */
export function parseDate(text: string): string | null {
  const value = normalise(text);
  const western = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (western) {
    return iso(Number(western[1]), Number(western[2]), Number(western[3]));
  }
  const japanese = /^(令和|平成|昭和|[RHS])(元|\d{1,2})[年.](\d{1,2})[月.](\d{1,2})日?$/i.exec(value);
  if (!japanese) {
    return null;
  }
  const era = ERAS.find((e) => e.name === japanese[1] || e.letter === japanese[1].toUpperCase());
  const next = era ? ERAS[ERAS.indexOf(era) - 1] : undefined;
  const eraYear = japanese[2] === '元' ? 1 : Number(japanese[2]);
  if (!era || eraYear < 1) {
    return null;
  }
  const date = iso(Number(era.start.slice(0, 4)) + eraYear - 1, Number(japanese[3]), Number(japanese[4]));
  // the era's own days only: 平成31年5月1日 is 令和元年5月1日
  return date && date >= era.start && (!next || date < next.start) ? date : null;
}

/** An ISO date as 和暦, e.g. 2019-05-01 → 令和元年5月1日; dates before 昭和 stay ISO. */
export function toWareki(isoDate: string): string {
  const era = ERAS.find((e) => isoDate >= e.start);
  if (!era) {
    return isoDate;
  }
  const [year, month, day] = isoDate.split('-').map(Number);
  const eraYear = year - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
}

/** The ISO date moved by days (or months, kept within the month's days). */
export function shift(isoDate: string, days: number, months = 0): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const last = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(year, month - 1 + months, Math.min(day, last) + days));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
