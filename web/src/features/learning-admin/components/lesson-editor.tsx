import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { TextField } from '../../../components/ui/text-field';
import { addLesson, fetchBanks, fetchLesson, saveLesson, type LessonQuiz, type LessonText, type LessonWrite, type Media } from '../api/learning-admin-api';
import { LanguageAdder } from './language-adder';
import { MarkdownPreview } from './markdown-preview';
import { NS } from './learning-admin-i18n';

const EMPTY: LessonWrite = { minutes: 5, texts: [{ lang: 'vi', title: '', markdown: '', media: [] }], quizzes: [] };

/** Where a server error's path points in this form: `texts[0].media[1].url` → `vi.media.1.url`. */
function fieldOf(draft: LessonWrite, path: string): string | undefined {
  if (path === 'minutes') return 'minutes';
  const text = /^texts\[(\d+)\]\.(title|markdown|media\[(\d+)\]\.(url|caption))/.exec(path);
  if (text) {
    const lang = draft.texts[Number(text[1])]?.lang;
    return text[3] !== undefined ? `${lang}.media.${text[3]}.${text[4]}` : `${lang}.${text[2]}`;
  }
  const quiz = /^quizzes\[(\d+)\]\.(bankId|passPercent)/.exec(path);
  return quiz ? `${draft.quizzes[Number(quiz[1])]?.lang}.quiz` : undefined;
}

/** A lesson: Markdown per language beside its live preview, media links, the quiz bank of each language. */
export function LessonEditor({ courseId, lessonId, province, csrfToken, onDone }: {
  courseId: string; lessonId: string | null; province: string; csrfToken: string; onDone: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const banks = useResource(`banks:${province}`, (signal) => fetchBanks(province, { language, signal }));
  const [draft, setDraft] = useState<LessonWrite | null>(lessonId ? null : EMPTY);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!lessonId) return;
    let live = true;
    void fetchLesson(lessonId, { language }).then((lesson) => { if (live) setDraft({ minutes: lesson.minutes, texts: lesson.texts, quizzes: lesson.quizzes }); });
    return () => { live = false; };
  }, [lessonId, language]);
  if (!draft) return <p className="muted" role="status">{t('loading')}</p>;

  const setText = (lang: string, patch: Partial<LessonText>) => setDraft({ ...draft, texts: draft.texts.map((x) => (x.lang === lang ? { ...x, ...patch } : x)) });
  const setMedia = (lang: string, index: number, patch: Partial<Media> | null) => {
    const text = draft.texts.find((x) => x.lang === lang)!;
    const media = patch === null ? text.media.filter((_, i) => i !== index) : text.media.map((m, i) => (i === index ? { ...m, ...patch } : m));
    setText(lang, { media });
  };
  const setQuiz = (lang: string, patch: Partial<LessonQuiz> | null) => {
    const others = draft.quizzes.filter((q) => q.lang !== lang);
    const current = draft.quizzes.find((q) => q.lang === lang) ?? { lang, bankId: '', passPercent: 60 };
    setDraft({ ...draft, quizzes: patch === null || patch.bankId === '' ? others : [...others, { ...current, ...patch }] });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Links are checked here first so the sentence beside the field says what a link must be.
    const badLinks: Record<string, string> = {};
    draft.texts.forEach((text) => text.media.forEach((m, i) => {
      if (!/^https?:\/\/\S+$/i.test(m.url.trim())) badLinks[`${text.lang}.media.${i}.url`] = t('media.urlRule');
    }));
    if (Object.keys(badLinks).length > 0) return setErrors({ fields: badLinks });
    setBusy(true);
    setErrors({ fields: {} });
    try {
      if (lessonId) await saveLesson(lessonId, draft, { language, csrfToken });
      else await addLesson(courseId, draft, { language, csrfToken });
      onDone();
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => fieldOf(draft, path)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate aria-label={lessonId ? t('lesson.edit') : t('lesson.add')}>
      <TextField label={t('lesson.minutes')} type="number" min={1} max={600} value={draft.minutes}
        onChange={(e) => setDraft({ ...draft, minutes: Number(e.target.value) })} error={errors.fields.minutes} />
      {draft.texts.map((text) => {
        const quiz = draft.quizzes.find((q) => q.lang === text.lang);
        return (
          <fieldset key={text.lang} className="stack">
            <legend>{t('lesson.in', { lang: text.lang })}</legend>
            <TextField label={t('lesson.name')} value={text.title} onChange={(e) => setText(text.lang, { title: e.target.value })} error={errors.fields[`${text.lang}.title`]} />
            <div className="lesson-editor-grid">
              <div className="field">
                <label htmlFor={`md-${text.lang}`}>{t('lesson.markdown')}</label>
                <textarea id={`md-${text.lang}`} value={text.markdown} onChange={(e) => setText(text.lang, { markdown: e.target.value })} aria-describedby={`md-${text.lang}-hint`} />
                <p id={`md-${text.lang}-hint`} className="hint">{t('lesson.markdownHint')}</p>
                {errors.fields[`${text.lang}.markdown`] && <p className="field-error" role="alert">{errors.fields[`${text.lang}.markdown`]}</p>}
              </div>
              <MarkdownPreview markdown={text.markdown} csrfToken={csrfToken} id={`preview-${text.lang}`} />
            </div>
            <h4>{t('media.title')}</h4>
            {text.media.map((m, i) => (
              <div key={i} className="row">
                <div className="field">
                  <label htmlFor={`media-${text.lang}-${i}-kind`}>{t('media.kind')}</label>
                  <select id={`media-${text.lang}-${i}-kind`} value={m.kind} onChange={(e) => setMedia(text.lang, i, { kind: e.target.value as Media['kind'] })}>
                    {(['image', 'audio', 'video'] as const).map((k) => <option key={k} value={k}>{t(`media.${k}`)}</option>)}
                  </select>
                </div>
                <TextField label={t('media.url')} type="url" value={m.url} onChange={(e) => setMedia(text.lang, i, { url: e.target.value })} error={errors.fields[`${text.lang}.media.${i}.url`]} />
                <TextField label={t('media.caption')} value={m.caption} onChange={(e) => setMedia(text.lang, i, { caption: e.target.value })} />
                <button type="button" className="btn btn-quiet" onClick={() => setMedia(text.lang, i, null)}>{t('media.remove')}</button>
              </div>
            ))}
            <p><button type="button" className="btn" onClick={() => setText(text.lang, { media: [...text.media, { kind: 'video', url: '', caption: '' }] })}>{t('media.add')}</button></p>
            <div className="row">
              <div className="field">
                <label htmlFor={`quiz-${text.lang}`}>{t('quiz.bank')}</label>
                <select id={`quiz-${text.lang}`} value={quiz?.bankId ?? ''} onChange={(e) => setQuiz(text.lang, { bankId: e.target.value })}
                  aria-invalid={errors.fields[`${text.lang}.quiz`] ? true : undefined}>
                  <option value="">{t('quiz.none')}</option>
                  {banks.data?.items.map((b) => <option key={b.id} value={b.id}>{t('quiz.bankLine', { name: b.name, count: b.questionCount })}</option>)}
                </select>
                {errors.fields[`${text.lang}.quiz`] && <p className="field-error" role="alert">{errors.fields[`${text.lang}.quiz`]}</p>}
              </div>
              {quiz && <TextField label={t('quiz.pass')} type="number" min={1} max={100} value={quiz.passPercent} onChange={(e) => setQuiz(text.lang, { passPercent: Number(e.target.value) })} />}
            </div>
            {text.lang !== 'vi' && (
              <button type="button" className="btn btn-quiet" onClick={() => setDraft({ ...draft, texts: draft.texts.filter((x) => x.lang !== text.lang), quizzes: draft.quizzes.filter((q) => q.lang !== text.lang) })}>
                {t('course.removeLanguage')}
              </button>
            )}
          </fieldset>
        );
      })}
      <LanguageAdder taken={draft.texts.map((x) => x.lang)} onAdd={(lang) => setDraft({ ...draft, texts: [...draft.texts, { lang, title: '', markdown: '', media: [] }] })} />
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <p className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('lesson.save')}</button>
        <button type="button" className="btn btn-quiet" onClick={onDone}>{t('cancel')}</button>
      </p>
    </form>
  );
}
