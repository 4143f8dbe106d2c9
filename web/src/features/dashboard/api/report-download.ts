import { ApiError } from '../../../lib/api';

export type ReportFormat = 'xlsx' | 'pdf';

/** `attachment; filename="bao-cao-….xlsx"` → the name; the server sends plain ASCII names. */
export function downloadNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Fetches a unit's report (docs/api/reports.md) and hands it to the browser as a download. A
 * plain link would send the browser's Accept-Language rather than the language chosen in the
 * app, and a failure (an ended session, a server error) would replace the dashboard with the
 * error's JSON; fetching first keeps the officer on the page with a message instead.
 */
export async function downloadReport(unitCode: string, format: ReportFormat, options: { language: string; day?: string }): Promise<string> {
  const query = options.day ? `?date=${encodeURIComponent(options.day)}` : '';
  return downloadFile(`/api/reports/${encodeURIComponent(unitCode)}.${format}${query}`, `${unitCode}.${format}`, options.language);
}

/** Any export of the reports routes (a path with its query), downloaded the same way. Answers the file's name. */
export async function downloadFile(path: string, fallbackName: string, language: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { 'accept-language': language },
      credentials: 'same-origin',
      cache: 'no-store',
      // A province's PDF draws a chart per indicator over a hundred communes: give it time.
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; field?: string } } | undefined;
    throw new ApiError(response.status, body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? response.statusText, body?.error?.field);
  }
  const fileName = downloadNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns; release it once it has surely started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}
