import { ApiError } from './api';

/** What a refused request means for a form: a sentence beside the field at fault, or above the form. */
export interface FormErrors {
  fields: Record<string, string>;
  general?: string;
}

/**
 * Places the server's message (already in the officer's language) next to the form's own field.
 * `fieldOf` maps the API's path (`value`, `items[0].data.nationalId`, `body.comment`…) to a field
 * of the form; a path the form does not know goes above the form as a sentence, never as a path.
 */
export function formErrorsOf(error: unknown, fieldOf: (path: string) => string | undefined): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: String(error) };
  const path = error.field?.replace(/^(?:body|querystring|params)\.?/, '');
  const field = path ? fieldOf(path) : undefined;
  return field ? { fields: { [field]: error.message } } : { fields: {}, general: error.message };
}
