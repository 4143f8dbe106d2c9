import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { TextField } from '../../../components/ui/text-field';
import { fetchCourse, fetchCourseIn, fetchFramework, saveCourse, type CourseStatus, type CourseText } from '../api/learning-admin-api';
import { LanguageAdder } from './language-adder';
import { LessonEditor } from './lesson-editor';
import { NS } from './learning-admin-i18n';

interface Draft { code: string; skillCode: string | null; groupCode: string | null; status: CourseStatus; texts: CourseText[] }

/** One course: its texts per language (Vietnamese required, the fallback), skill and group, status, and its lessons. */
export function CourseEditor({ courseId, province, csrfToken }: { courseId: string; province: string; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [refresh, setRefresh] = useState(0);
  const course = useResource(`admin-course:${courseId}:${language}`, (signal) => fetchCourse(courseId, { language, signal }), refresh);
  const framework = useResource('framework', (signal) => fetchFramework({ language, signal }));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<string | 'new' | null>(null);

  // The texts of every language the course has, read one language at a time (each answer says which it gave).
  useEffect(() => {
    const detail = course.data;
    if (!detail) return;
    let live = true;
    void Promise.all(detail.languages.map((lang) => fetchCourseIn(courseId, lang, { language }))).then((all) => {
      if (!live) return;
      const texts = all.filter((c, i) => c.lang === detail.languages[i]).map((c) => ({ lang: c.lang, title: c.title, summary: c.summary }))
        // Vietnamese first: it is the text every other language falls back to.
        .sort((a, b) => Number(b.lang === 'vi') - Number(a.lang === 'vi'));
      setDraft({ code: detail.code, skillCode: detail.skillCode, groupCode: detail.groupCode, status: detail.status, texts });
    });
    return () => { live = false; };
  }, [course.data, courseId, language]);

  if (course.error) return <p className="error-text" role="alert">{course.error.message}</p>;
  if (!course.data || !draft) return <p className="muted" role="status">{t('loading')}</p>;

  const setText = (lang: string, patch: Partial<CourseText>) =>
    setDraft({ ...draft, texts: draft.texts.map((text) => (text.lang === lang ? { ...text, ...patch } : text)) });
  const save = async (status: CourseStatus, event?: FormEvent) => {
    event?.preventDefault();
    setErrors({ fields: {} });
    setNotice('');
    try {
      await saveCourse(courseId, { ...draft, status }, { language, csrfToken });
      setDraft({ ...draft, status });
      setNotice(status === draft.status ? t('course.saved') : t(`course.now.${status}`));
      setRefresh((n) => n + 1);
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => {
        const match = /^texts\[(\d+)\]\.(title|summary|lang)/.exec(path);
        if (match) return `${draft.texts[Number(match[1])]?.lang}.${match[2] === 'lang' ? 'title' : match[2]}`;
        return ['code', 'skillCode', 'groupCode'].includes(path) ? path : undefined;
      }));
    }
  };

  return (
    <div className="stack">
      <p><a href="#/learning-admin">{t('course.back')}</a></p>
      <form className="panel stack" onSubmit={(event) => void save(draft.status, event)} noValidate aria-labelledby="course-edit-title">
        <h3 id="course-edit-title">{course.data.title} <small className="muted" data-testid="course-status">{t(`status.${draft.status}`)}</small></h3>
        <div className="row">
          <TextField label={t('course.code')} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value.trim().toLowerCase() })} error={errors.fields.code} />
          <div className="field">
            <label htmlFor="course-skill">{t('course.skill')}</label>
            <select id="course-skill" value={draft.skillCode ?? ''} onChange={(e) => setDraft({ ...draft, skillCode: e.target.value || null })}>
              <option value="">{t('course.noSkill')}</option>
              {framework.data?.skills.map((s) => <option key={s.code} value={s.code}>{language === 'en' ? s.nameEn : s.nameVi}</option>)}
            </select>
            {errors.fields.skillCode && <p className="field-error" role="alert">{errors.fields.skillCode}</p>}
          </div>
          <div className="field">
            <label htmlFor="course-group">{t('course.group')}</label>
            <select id="course-group" value={draft.groupCode ?? ''} onChange={(e) => setDraft({ ...draft, groupCode: e.target.value || null })}>
              <option value="">{t('course.everyone')}</option>
              {framework.data?.groups.map((g) => <option key={g.code} value={g.code}>{language === 'en' ? g.nameEn : g.nameVi}</option>)}
            </select>
          </div>
        </div>
        {draft.texts.map((text) => (
          <fieldset key={text.lang} className="stack">
            <legend>{t('course.textsIn', { lang: text.lang })}</legend>
            <TextField label={t('course.title')} value={text.title} onChange={(e) => setText(text.lang, { title: e.target.value })} error={errors.fields[`${text.lang}.title`]} />
            <div className="field">
              <label htmlFor={`summary-${text.lang}`}>{t('course.summary')}</label>
              <textarea id={`summary-${text.lang}`} value={text.summary} rows={3} onChange={(e) => setText(text.lang, { summary: e.target.value })} />
            </div>
            {text.lang !== 'vi' && <button type="button" className="btn btn-quiet" onClick={() => setDraft({ ...draft, texts: draft.texts.filter((x) => x.lang !== text.lang) })}>{t('course.removeLanguage')}</button>}
          </fieldset>
        ))}
        <LanguageAdder taken={draft.texts.map((x) => x.lang)} onAdd={(lang) => setDraft({ ...draft, texts: [...draft.texts, { lang, title: '', summary: '' }] })} />
        {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
        {notice && <p role="status" data-testid="course-notice">{notice}</p>}
        <p className="row">
          <button type="submit" className="btn">{t('course.save')}</button>
          {draft.status === 'published'
            ? <button type="button" className="btn" onClick={() => void save('draft')}>{t('course.unpublish')}</button>
            : <button type="button" className="btn btn-primary" onClick={() => void save('published')}>{t('course.publish')}</button>}
        </p>
      </form>
      <section className="panel stack" aria-labelledby="lessons-title">
        <h3 id="lessons-title">{t('lesson.title')}</h3>
        {course.data.lessons.length === 0 && <p className="muted">{t('lesson.none')}</p>}
        <ol className="stack">
          {course.data.lessons.map((lesson) => (
            <li key={lesson.id}>
              {lesson.title} <small className="muted">{t('lesson.line', { minutes: lesson.minutes })}{lesson.hasQuiz ? ` · ${t('lesson.hasQuiz')}` : ''}</small>{' '}
              <button type="button" className="btn btn-quiet" onClick={() => setEditing(lesson.id)}>{t('lesson.edit')}</button>
            </li>
          ))}
        </ol>
        {editing === null && <p><button type="button" className="btn" onClick={() => setEditing('new')}>{t('lesson.add')}</button></p>}
        {editing !== null && (
          <LessonEditor key={editing} courseId={courseId} lessonId={editing === 'new' ? null : editing} province={province} csrfToken={csrfToken}
            onDone={() => { setEditing(null); setRefresh((n) => n + 1); }} />
        )}
      </section>
    </div>
  );
}
