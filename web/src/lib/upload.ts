import { ApiError } from './api';

/** One refused line of an import, in the officer's language. */
export interface RowProblem { row: number; field?: string; reason?: string; message: string }

/** A refused import: every line's reason. Nothing was written. */
export class ImportRefused extends Error {
  constructor(message: string, readonly rows: RowProblem[]) {
    super(message);
  }
}

/**
 * Sends a file as it is (no form encoding: the server reads the body), with the session's CSRF
 * token; answers the JSON reply, or throws the lines that stopped an import, or the API error.
 */
export async function uploadFile<T>(url: string, file: Blob, contentType: string, { language, csrfToken }: { language: string; csrfToken: string }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/json', 'accept-language': language, 'x-csrf-token': csrfToken },
      body: file,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; field?: string; rows?: RowProblem[] } } | undefined;
  if (response.ok) return body as T;
  const error = body?.error;
  if (error?.rows?.length) throw new ImportRefused(error.message ?? response.statusText, error.rows);
  throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText, error?.field);
}
