import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewMarkdown } from '../api/learning-admin-api';
import { NS } from './learning-admin-i18n';

/**
 * What learners will see: the server renders the Markdown with the code that renders lessons
 * (raw HTML off), a moment after the author stops typing.
 */
export function MarkdownPreview({ markdown, csrfToken, id }: { markdown: string; csrfToken: string; id: string }) {
  const { t, i18n } = useTranslation(NS);
  const [html, setHtml] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewMarkdown(markdown, { language: i18n.language, csrfToken, signal: controller.signal })
        .then((answer) => { setHtml(answer.html); setError(''); })
        .catch((failure: Error) => { if (!controller.signal.aborted) setError(failure.message); });
    }, 300);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [markdown, csrfToken, i18n.language]);
  return (
    <div className="field">
      <span className="label" id={`${id}-label`}>{t('lesson.preview')}</span>
      {error && <p className="error-text" role="alert">{error}</p>}
      {/* The server's rendering: markdown-it with raw HTML switched off, the same as the lesson reader shows. */}
      <div className="lesson-preview" aria-labelledby={`${id}-label`} data-testid="lesson-preview" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
