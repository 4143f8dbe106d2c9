import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { useResource } from '../../../lib/use-resource';
import { TextField } from '../../../components/ui/text-field';
import { createCourse, fetchCourses } from '../api/learning-admin-api';
import { NS } from './learning-admin-i18n';

/** Every course of the province, drafts included, and a short form to start a new one (as a draft). */
export function CoursesPanel({ csrfToken }: { csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const courses = useResource(`admin-courses:${language}`, (signal) => fetchCourses({ language, signal }));
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const form = useFormSubmit();
  const { errors, busy } = form;

  const create = form.onSubmit({
    validate: () => {
      const fields: Record<string, string> = {};
      if (!/^[a-z0-9][a-z0-9_-]{1,63}$/.test(code)) fields.code = t('course.codeRule');
      if (!title.trim()) fields.title = t('course.titleRequired');
      return fields;
    },
    send: async () => {
      const { id } = await createCourse({ code, skillCode: null, groupCode: null, status: 'draft', texts: [{ lang: 'vi', title: title.trim(), summary: '' }] }, { language, csrfToken });
      window.location.hash = `#/learning-admin/course/${id}`;
    },
    fieldOf: (path) => (path === 'code' ? 'code' : path.startsWith('texts') ? 'title' : undefined),
  });

  return (
    <div className="stack">
      <form className="panel stack" onSubmit={create} noValidate aria-labelledby="new-course-title">
        <h3 id="new-course-title">{t('course.new')}</h3>
        <div className="row">
          <TextField label={t('course.code')} hint={t('course.codeHint')} value={code} onChange={(e) => setCode(e.target.value.trim().toLowerCase())} error={errors.fields.code} />
          <TextField label={t('course.titleVi')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.fields.title} />
        </div>
        {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
        <p><button type="submit" className="btn btn-primary" disabled={busy}>{t('course.create')}</button></p>
      </form>
      {courses.error && <p className="error-text" role="alert">{courses.error.message}</p>}
      {courses.data?.items.length === 0 && <p className="muted">{t('course.none')}</p>}
      <ul className="stack plain-list">
        {courses.data?.items.map((course) => (
          <li key={course.id} className="card" data-testid="admin-course">
            <h4><a href={`#/learning-admin/course/${course.id}`}>{course.title}</a> <small className="muted">{t(`status.${course.status}`)}</small></h4>
            <p className="muted">{t('course.line', { code: course.code, lessons: course.lessonCount, minutes: course.minutes, languages: course.languages.join(', ') })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
