import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { createEvent, EVENT_TYPES, toInstant, toLocalInput, updateEvent, type Campaign, type EventItem, type EventType, type Skill, type Unit } from '../api/events-api';
import { NS } from './events-i18n';

interface EventFormProps {
  units: readonly Unit[];
  skills: readonly Skill[];
  campaigns: readonly Campaign[];
  csrfToken: string;
  /** The event being edited; none for a new one. */
  editing?: EventItem;
  onSaved: (event: EventItem) => void;
  onCancel: () => void;
}

const FIELDS = ['unitCode', 'type', 'title', 'startsAt', 'endsAt', 'place', 'capacity', 'skills', 'organiser', 'campaignId'];
const fieldOf = (path: string) => FIELDS.find((f) => path === f || path.startsWith(`${f}[`));

/** Creates or edits an event of a unit in the officer's scope. */
export function EventForm({ units, skills, campaigns, csrfToken, editing, onSaved, onCancel }: EventFormProps) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [form, setForm] = useState({
    unitCode: editing?.unitCode ?? units[0]?.code ?? '', type: (editing?.type ?? 'week') as EventType, title: editing?.title ?? '',
    startsAt: editing ? toLocalInput(editing.startsAt) : '', endsAt: editing ? toLocalInput(editing.endsAt) : '',
    place: editing?.place ?? '', capacity: editing?.capacity ? String(editing.capacity) : '', organiser: editing?.organiser ?? '',
    skills: editing?.skills ?? [], campaignId: editing?.campaignId ?? '',
  });
  const { errors, busy, onSubmit } = useFormSubmit();
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: event.target.value });

  const submit = onSubmit({
    validate: () => {
      const missing: Record<string, string> = {};
      if (!form.title.trim()) missing.title = t('form.required');
      if (!form.startsAt) missing.startsAt = t('form.required');
      if (!form.endsAt) missing.endsAt = t('form.required');
      return missing;
    },
    send: async () => {
      const body = {
        unitCode: form.unitCode, type: form.type, title: form.title.trim(), startsAt: toInstant(form.startsAt), endsAt: toInstant(form.endsAt),
        place: form.place.trim() || null, capacity: form.capacity ? Number(form.capacity) : null, skills: form.skills,
        organiser: form.organiser.trim() || null, campaignId: form.campaignId || null,
      };
      const saved = editing ? await updateEvent(editing.id, body, { language: i18n.language, csrfToken }) : await createEvent(body, { language: i18n.language, csrfToken });
      onSaved(saved);
    },
    fieldOf,
  });

  const err = (field: string) => errors.fields[field] && <p id={`${id}-${field}-error`} className="field-error" role="alert">{errors.fields[field]}</p>;
  const aria = (field: string) => (errors.fields[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});
  const input = (field: 'title' | 'startsAt' | 'endsAt' | 'place' | 'capacity' | 'organiser', type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{t(`form.${field}`)}</label>
      <input id={`${id}-${field}`} type={type} value={form[field]} onChange={set(field)} min={type === 'number' ? 1 : undefined} {...aria(field)} />
      {err(field)}
    </div>
  );
  return (
    <form className="card workbench-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title-h`}>
      <h3 id={`${id}-title-h`}>{editing ? t('form.editTitle') : t('form.newTitle')}</h3>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <div className="workbench-filters">
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('form.unit')}</label>
          <select id={`${id}-unit`} value={form.unitCode} onChange={set('unitCode')} disabled={Boolean(editing)} {...aria('unitCode')}>
            {units.map((unit) => <option key={unit.code} value={unit.code}>{unit.name}</option>)}
          </select>
          {err('unitCode')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('form.type')}</label>
          <select id={`${id}-type`} value={form.type} onChange={set('type')}>
            {EVENT_TYPES.map((type) => <option key={type} value={type}>{t(`type.${type}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-campaign`}>{t('form.campaign')}</label>
          <select id={`${id}-campaign`} value={form.campaignId} onChange={set('campaignId')} disabled={Boolean(editing)} {...aria('campaignId')}>
            <option value="">{t('form.noCampaign')}</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
          {err('campaignId')}
        </div>
      </div>
      {input('title')}
      <div className="workbench-filters">
        {input('startsAt', 'datetime-local')}
        {input('endsAt', 'datetime-local')}
        {input('capacity', 'number')}
      </div>
      <div className="workbench-filters">
        {input('place')}
        {input('organiser')}
      </div>
      <fieldset className="field">
        <legend>{t('form.skills')}</legend>
        {skills.map((skill) => (
          <label key={skill.code} className="check">
            <input type="checkbox" checked={form.skills.includes(skill.code)}
              onChange={(event) => setForm({ ...form, skills: event.target.checked ? [...form.skills, skill.code] : form.skills.filter((s) => s !== skill.code) })} />
            {skill.name}
          </label>
        ))}
        {err('skills')}
      </fieldset>
      <div className="workbench-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{editing ? t('form.save') : t('form.create')}</button>
        <button type="button" className="btn btn-quiet" onClick={onCancel}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
