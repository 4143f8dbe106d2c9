import { useState, type FormEvent } from 'react';
import { formErrorsOf, type FormErrors } from './form-errors';

const NO_ERRORS: FormErrors = { fields: {} };

export interface Submission {
  /** The form's own checks: a sentence per field at fault, nothing when the form may be sent. */
  validate?: () => Record<string, string>;
  send: () => Promise<void>;
  /** Places the server's refusal beside a field of the form (see formErrorsOf). */
  fieldOf: (path: string) => string | undefined;
}

/**
 * What every officer's form repeats: its own checks first, then one request at a time (the
 * button disabled meanwhile), and a refusal as sentences beside the fields or above the form.
 */
export function useFormSubmit() {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  /** Resolves true when the form was sent and accepted. */
  const run = async (submission: Submission): Promise<boolean> => {
    const refused = submission.validate?.() ?? {};
    if (Object.keys(refused).length > 0) {
      setErrors({ fields: refused });
      return false;
    }
    setBusy(true);
    try {
      await submission.send();
      setErrors(NO_ERRORS);
      return true;
    } catch (error) {
      setErrors(formErrorsOf(error, submission.fieldOf));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (submission: Submission) => (event: FormEvent) => {
    event.preventDefault();
    void run(submission);
  };
  return { errors, setErrors, busy, run, onSubmit };
}
