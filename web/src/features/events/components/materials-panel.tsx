import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { loadMaterials, MATERIAL_KINDS, MATERIAL_TYPES, uploadMaterial } from '../api/materials-api';
import { NS } from './events-i18n';

/** The officer's side of the library: upload a file for the unit, see what the unit and those above it hold. */
export function MaterialsPanel({ unit, csrfToken }: { unit: string; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [refresh, setRefresh] = useState(0);
  const list = useResource(`materials:${unit}`, () => loadMaterials(unit, i18n.language), refresh);
  const [file, setFile] = useState<File | null>(null);
  const [meta, setMeta] = useState({ title: '', kind: 'leaflet', language: 'vi', targetGroup: '' });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [result, setResult] = useState('');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setResult('');
    if (!file || !meta.title.trim()) return setErrors({ fields: { file: t('materials.required') } });
    try {
      const saved = await uploadMaterial(file, { unit, ...meta, title: meta.title.trim(), targetGroup: meta.targetGroup || undefined }, { language: i18n.language, csrfToken });
      setErrors({ fields: {} });
      setResult(t('materials.uploaded', { title: saved.title }));
      setRefresh((n) => n + 1);
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => (path === 'body' ? 'file' : path === 'title' ? 'title' : undefined)));
    }
  };
  const err = (field: string) => errors.fields[field] && <p id={`${id}-${field}-error`} className="field-error" role="alert">{errors.fields[field]}</p>;
  return (
    <section aria-labelledby={`${id}-h`} className="stack">
      <h3 id={`${id}-h`}>{t('materials.title')}</h3>
      <ul className="plain-list">
        {list.data?.map((m) => <li key={m.id}><a href={`/api/materials/${m.id}/file`} target="_blank" rel="noreferrer">{m.title}</a> <small className="muted">{t(`materials.kind.${m.kind}`)} · {m.language}</small></li>)}
      </ul>
      <form className="card workbench-form" onSubmit={(e) => void submit(e)} noValidate>
        <h4>{t('materials.upload')}</h4>
        {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('materials.file')}</label>
          <input id={`${id}-file`} type="file" accept={MATERIAL_TYPES.join(',')} onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            aria-invalid={errors.fields.file ? true : undefined} aria-describedby={errors.fields.file ? `${id}-file-error` : `${id}-file-hint`} />
          {!errors.fields.file && <p id={`${id}-file-hint`} className="hint">{t('materials.fileHint')}</p>}
          {err('file')}
        </div>
        <div className="workbench-filters">
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('materials.titleLabel')}</label>
            <input id={`${id}-title`} value={meta.title} maxLength={200} onChange={(e) => setMeta({ ...meta, title: e.target.value })} />
            {err('title')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('materials.kindLabel')}</label>
            <select id={`${id}-kind`} value={meta.kind} onChange={(e) => setMeta({ ...meta, kind: e.target.value })}>
              {MATERIAL_KINDS.map((k) => <option key={k} value={k}>{t(`materials.kind.${k}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-lang`}>{t('materials.language')}</label>
            <select id={`${id}-lang`} value={meta.language} onChange={(e) => setMeta({ ...meta, language: e.target.value })}>
              <option value="vi">Tiếng Việt</option>
              <option value="ede">Ê Đê</option>
              <option value="en">English</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-group`}>{t('materials.targetGroup')}</label>
            <input id={`${id}-group`} value={meta.targetGroup} maxLength={40} onChange={(e) => setMeta({ ...meta, targetGroup: e.target.value })} />
          </div>
        </div>
        <button type="submit" className="btn btn-secondary">{t('materials.upload')}</button>
        <p role="status" aria-live="polite">{result}</p>
      </form>
    </section>
  );
}
