import { ApiError, apiFetch } from '../../../lib/api';

export interface Material {
  id: string; unitCode: string; kind: string; title: string; targetGroup: string | null; language: string;
  mediaType: string; fileName: string; sizeBytes: number; createdAt: string;
}
export const MATERIAL_KINDS = ['poster', 'leaflet', 'audio', 'video', 'other'] as const;
export const MATERIAL_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'audio/mpeg', 'audio/ogg', 'audio/mp4', 'video/mp4', 'video/webm'];
/** What the field app keeps of the library on the phone, at most, beside the village's records. */
export const OFFLINE_BUDGET_BYTES = 100 * 1024 * 1024;
const CACHE = 'doorstep-materials';
const listKey = (unit: string) => `/offline/materials/${unit}`;

export const fileUrl = (id: string) => `/api/materials/${id}/file`;

/** The list from the server, kept in the cache for offline use; offline, the kept one. */
export async function loadMaterials(unit: string, language: string): Promise<Material[]> {
  try {
    const list = (await apiFetch<{ items: Material[] }>(`/api/materials?unit=${encodeURIComponent(unit)}`, { language })).items;
    const cache = await caches.open(CACHE);
    await cache.put(listKey(unit), new Response(JSON.stringify(list), { headers: { 'content-type': 'application/json' } }));
    return list;
  } catch (error) {
    if (error instanceof ApiError && !error.retryable) throw error;
    const kept = await (await caches.open(CACHE)).match(listKey(unit));
    return kept ? ((await kept.json()) as Material[]) : [];
  }
}

export async function savedIds(): Promise<Set<string>> {
  const keys = await (await caches.open(CACHE)).keys();
  return new Set(keys.map((r) => /\/api\/materials\/([^/]+)\/file$/.exec(new URL(r.url).pathname)?.[1]).filter((id): id is string => Boolean(id)));
}

/** Keeps a file on the phone, unless the library's offline budget would be exceeded. */
export async function saveOffline(material: Material, saved: readonly Material[]): Promise<'saved' | 'over_budget'> {
  const used = saved.reduce((sum, m) => sum + m.sizeBytes, 0);
  if (used + material.sizeBytes > OFFLINE_BUDGET_BYTES) return 'over_budget';
  const response = await fetch(fileUrl(material.id), { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new ApiError(response.status, 'DOWNLOAD_FAILED', response.statusText);
  await (await caches.open(CACHE)).put(fileUrl(material.id), response);
  return 'saved';
}

/** The kept file as an address the page can open, with no network. */
export async function openOffline(id: string): Promise<string | null> {
  const kept = await (await caches.open(CACHE)).match(fileUrl(id));
  return kept ? URL.createObjectURL(await kept.blob()) : null;
}

export async function uploadMaterial(file: File, meta: { unit: string; kind: string; title: string; language: string; targetGroup?: string }, { language, csrfToken }: { language: string; csrfToken: string }): Promise<Material> {
  const query = new URLSearchParams({ ...meta, fileName: file.name } as Record<string, string>);
  if (!meta.targetGroup) query.delete('targetGroup');
  const response = await fetch(`/api/materials?${query}`, {
    method: 'POST', body: file, credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': csrfToken, 'accept-language': language },
  });
  const body = await response.json().catch(() => ({})) as { error?: { code: string; message: string; field?: string } } & Material;
  if (!response.ok) throw new ApiError(response.status, body.error?.code ?? 'UPLOAD_FAILED', body.error?.message ?? response.statusText, body.error?.field);
  return body;
}
