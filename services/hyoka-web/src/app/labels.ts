import type { FormKind } from '../../gql/graphql';

export const KIND_LABELS: Record<FormKind, string> = {
  BASIC_ITEMS: '基礎項目評価書',
  KEY_ITEMS: '重点項目評価書',
  ALL_ITEMS: '全項目評価書',
};

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('ja-JP-u-ca-japanese', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Tokyo' });
}
