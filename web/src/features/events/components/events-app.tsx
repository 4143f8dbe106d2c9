import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { fetchAttendance, fetchCampaigns, fetchChildren, fetchEvents, fetchSkills, fetchUnit, type EventItem } from '../api/events-api';
import { CampaignPanel } from './campaign-panel';
import { CommunicationPanel } from './communication-panel';
import { EventForm } from './event-form';
import { MaterialsPanel } from './materials-panel';
import { NS } from './events-i18n';
import { UnitAttendancePanel } from './unit-attendance-panel';
import './events.css';

function AttendanceLine({ event }: { event: EventItem }) {
  const { t, i18n } = useTranslation(NS);
  const a = useResource(`attendance:${event.id}`, (signal) => fetchAttendance(event.id, { language: i18n.language, signal })).data;
  if (!a) return null;
  return (
    <p data-testid="event-attendance">
      {t('list.attendance', { count: a.people, people: a.people, attendances: a.attendances, headCount: a.headCount })}
      {a.overCapacity && <strong className="error-text"> {t('list.overCapacity', { capacity: a.capacity })}</strong>}
    </p>
  );
}

/** Events of the officer's unit and below: create, edit, see registrations and attendance, the campaigns. */
export default function EventsApp({ user, csrfToken }: { user: SessionUser; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const scope = user.scopeUnitCode ?? '';
  const language = i18n.language;
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState<EventItem | 'new' | null>(null);
  const root = useResource(`unit:${scope}`, (signal) => fetchUnit(scope, { language, signal }));
  const children = useResource(`children:${scope}`, (signal) => fetchChildren(scope, { language, signal }));
  const skills = useResource(`skills:${language}`, (signal) => fetchSkills({ language, signal }));
  const province = root.data?.provinceCode ?? null;
  const campaigns = useResource(province && `campaigns:${province}`, (signal) => fetchCampaigns(province!, { language, signal }), refresh);
  const events = useResource(`events:${scope}`, (signal) => fetchEvents(scope, { language, signal }), refresh);
  const units = root.data ? [root.data, ...(children.data ?? [])] : [];
  const skillName = new Map((skills.data ?? []).map((s) => [s.code, s.name]));
  const when = (iso: string) => new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' });
  const saved = () => {
    setEditing(null);
    setRefresh((n) => n + 1);
  };

  return (
    <section className="stack" aria-labelledby="events-title">
      <h2 id="events-title">{t('title')}</h2>
      {province && (
        <CampaignPanel province={province} campaigns={campaigns.data ?? []} canCreate={user.role === 'province_officer' || user.role === 'admin'}
          csrfToken={csrfToken} refresh={refresh} onCreated={() => setRefresh((n) => n + 1)} />
      )}
      {root.data && <UnitAttendancePanel unit={root.data.code} unitName={root.data.name} skillName={(code) => skillName.get(code) ?? code} refresh={refresh} />}
      <h3>{t('list.title')}</h3>
      {editing === null && <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} disabled={units.length === 0}>{t('list.new')}</button>}
      {editing !== null && (
        <EventForm units={units} skills={skills.data ?? []} campaigns={campaigns.data ?? []} csrfToken={csrfToken}
          editing={editing === 'new' ? undefined : editing} onSaved={saved} onCancel={() => setEditing(null)} />
      )}
      {events.error && <p className="error-text" role="alert">{events.error.message}</p>}
      {events.data?.length === 0 && <p className="muted">{t('list.none')}</p>}
      <ul className="stack plain-list">
        {events.data?.map((event) => (
          <li key={event.id} className="card" data-testid="event">
            <h4>{event.title} <small className="muted">{t(`type.${event.type}`)}</small></h4>
            <p>{when(event.startsAt)} – {when(event.endsAt)}{event.place ? ` · ${event.place}` : ''}</p>
            <p>
              {event.capacity ? t('list.registeredOf', { n: event.registered, capacity: event.capacity }) : t('list.registered', { n: event.registered })}
              {event.skills.length > 0 && ` · ${event.skills.map((s) => skillName.get(s) ?? s).join(', ')}`}
            </p>
            <AttendanceLine event={event} />
            <p>
              <a href={`#/event/${event.id}`} data-testid="public-link">{t('list.publicForm')}</a>
              {' · '}
              <button type="button" className="btn btn-quiet" onClick={() => setEditing(event)}>{t('list.edit')}</button>
            </p>
          </li>
        ))}
      </ul>
      {scope && units.length > 0 && <CommunicationPanel scope={scope} units={units} csrfToken={csrfToken} />}
      {scope && <MaterialsPanel unit={scope} csrfToken={csrfToken} />}
    </section>
  );
}
