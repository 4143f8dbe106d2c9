import type { TFunction } from 'i18next';
import type { ServerError } from './db';

/**
 * The server's message for a refused record, already in the worker's language; a few codes get
 * the app's own words where the server's message is for machines (RESIDENT_DUPLICATE carries
 * the existing person's id).
 */
export function serverErrorText(t: TFunction, error: ServerError): string {
  return t(`serverError.${error.code}`, { defaultValue: error.message || error.code });
}
