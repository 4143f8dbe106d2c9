import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { applyOperation, previewOperation, type Operation, type OperationPreview, type Unit } from '../api/units-api';
import { NS } from './units-i18n';

/** The API's path of a refused field → the form's field: `sources[1]` is the sources list, `children.660010101` the children's table. */
export function fieldOfPath(path: string): string | undefined {
  if (path === 'code') return undefined;
  const head = path.match(/^[a-zA-Z]+/)?.[0];
  if (head === 'into') return path.replace(/\[\d+\]/, '');
  return head;
}

/**
 * The two steps of every reorganisation: rehearse it (what moves, refused or not), then do it.
 * A change to the form after a preview clears it, so what is confirmed is what was shown.
 */
export function useOperation(csrfToken: string, onDone: (units: Unit[], message: string) => void) {
  const { t, i18n } = useTranslation(NS);
  const [preview, setPreview] = useState<{ operation: Operation; result: OperationPreview } | null>(null);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const write = { language: i18n.language, csrfToken };

  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    try {
      const result = await work();
      setErrors({ fields: {} });
      return result;
    } catch (error) {
      setPreview(null);
      setErrors(formErrorsOf(error, fieldOfPath));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return {
    preview: preview?.result ?? null,
    errors,
    busy,
    /** Errors found before asking the server (an empty field), shown like the server's. */
    refuse: (fields: Record<string, string>) => { setPreview(null); setErrors({ fields }); },
    changed: () => setPreview(null),
    rehearse: async (operation: Operation) => {
      const result = await run(() => previewOperation(operation, write));
      if (result) setPreview({ operation, result });
    },
    confirm: async () => {
      if (!preview) return;
      const result = await run(() => applyOperation(preview.operation, write));
      if (!result) return;
      setPreview(null);
      onDone(Array.isArray(result) ? result : [result], t(`done.${preview.operation.kind}`, { date: preview.result.effectiveDate }));
    },
  };
}
