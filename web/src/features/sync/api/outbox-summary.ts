import { db, type OutboxItem, type SyncNotice } from '../../../lib/db';

export interface OutboxSummary {
  pending: number;
  rejected: number;
  items: (OutboxItem & { subject: string })[];
  notices: SyncNotice[];
}

/** The user's outbox with a human subject for each item (household label, person's name). */
export async function loadOutboxSummary(userId: string): Promise<OutboxSummary> {
  const [items, notices] = await Promise.all([
    db.outbox.where('userId').equals(userId).sortBy('id'),
    db.notices.orderBy('at').reverse().toArray(),
  ]);
  const labels = new Map<string, string>();
  for (const item of items) if (item.kind === 'household') labels.set(String(item.data.id), String(item.data.label));
  const householdIds = items.filter((i) => i.kind === 'visit').map((i) => String(i.data.householdId)).filter((id) => !labels.has(id));
  for (const h of await db.households.bulkGet(householdIds)) if (h) labels.set(h.id, h.label);
  const subject = (item: OutboxItem): string => {
    const data = item.data;
    if (item.kind === 'household') return String(data.label ?? '');
    if (item.kind === 'resident') return String(data.fullName ?? '');
    if (item.kind === 'visit') return labels.get(String(data.householdId)) ?? '';
    if (item.kind === 'difficulty') return String(data.description ?? '').slice(0, 60);
    return String(data.kind ?? '');
  };
  return {
    pending: items.filter((i) => i.state === 'pending').length,
    rejected: items.filter((i) => i.state === 'rejected').length,
    items: items.map((item) => ({ ...item, subject: subject(item) })),
    notices,
  };
}
