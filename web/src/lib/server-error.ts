import type { TFunction } from 'i18next';
import type { ServerError } from './db';

/**
 * The field of a refused item as the screen names it: `items[3].data.nationalId` is the
 * "National ID number" field of the form, never a JSON path.
 */
export function fieldOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const last = path.replace(/^items\[\d+\]\.data\./, '').replace(/\[\d+\].*$/, '').split('.')[0];
  return last || undefined;
}

/**
 * The server's message for a refused record, in the worker's language (the server answers in
 * the language the app asks for), led by the name of the field on the screen; a few codes get
 * the app's own words where the server's message is for machines (RESIDENT_DUPLICATE carries
 * the existing person's id).
 */
export function serverErrorText(t: TFunction, error: ServerError): string {
  const message = t(`serverError.${error.code}`, { defaultValue: error.message || t('serverError.unknown') });
  const field = fieldOf(error.field);
  const label = field ? t(`fieldName.${field}`, { defaultValue: '' }) : '';
  return label ? t('serverError.withField', { field: label, message }) : message;
}

/**
 * A failed sync as a sentence for the sync bar: no network and server trouble in the app's own
 * words (the browser's "Failed to fetch" is English and says nothing), else the server's message.
 */
export function syncFailureText(t: TFunction, error: { code: string; message: string }): string {
  if (error.code === 'NETWORK' || error.code === 'UNKNOWN') return t('sync.errors.network');
  if (error.code === 'INTERNAL' || /^HTTP_5\d\d$/.test(error.code)) return t('sync.errors.server');
  if (error.code === 'RATE_LIMITED' || error.code === 'HTTP_429') return t('sync.errors.busy');
  return t(`serverError.${error.code}`, { defaultValue: error.message || t('sync.errors.server') });
}
