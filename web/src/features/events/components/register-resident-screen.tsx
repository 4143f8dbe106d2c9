import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/ui/screen';
import { ApiError } from '../../../lib/api';
import { useField } from '../../../lib/field-context';
import { useLiveQuery } from '../../../lib/live-query';
import { readSession } from '../../../lib/session';
import { useOnline } from '../../../lib/use-online';
import { loadEvents } from '../api/check-in-store';
import { registerForEvent, type EventItem, type Registration } from '../api/events-api';
import { useResidentSearch } from '../api/resident-search';
import { NS } from './events-i18n';
import { RegistrationSlip } from './registration-slip';
import './events.css';

/**
 * A team member registers a resident of the village for an upcoming event of the village or its
 * commune, and shows them the registration's short code and QR. Online only: the server gives
 * the code (unique across the province) and holds the event's places; offline the screen says
 * so, and the resident can still be checked in at the door by picking them from the village list.
 */
export default function RegisterResidentScreen() {
  const { t, i18n } = useTranslation(NS);
  const field = useField();
  const online = useOnline();
  const session = useLiveQuery(readSession, []);
  const id = useId();
  const [events, setEvents] = useState<EventItem[]>();
  const [eventId, setEventId] = useState('');
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState<{ name: string; registration: Registration }>();
  const residents = useResidentSearch(search);

  useEffect(() => {
    void loadEvents(field.village.code, i18n.language).then((list) => {
      const upcoming = list.filter((e) => Date.parse(e.endsAt) > Date.now()).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      setEvents(upcoming);
      setEventId((current) => current || upcoming[0]?.id || '');
    }, () => setEvents([]));
  }, [field.village.code, i18n.language]);
  const event = events?.find((e) => e.id === eventId);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' });

  const registerResident = async (resident: { id: string; fullName: string }) => {
    if (!event) return setError(t('registerResident.chooseEvent'));
    setBusy(true);
    setError('');
    try {
      const registration = await registerForEvent(event.id, { fullName: resident.fullName, residentId: resident.id }, { language: i18n.language, csrfToken: session?.csrfToken });
      setDone({ name: resident.fullName, registration });
    } catch (caught) {
      // The server's sentence names what went wrong (full, ended, a resident it does not know yet…).
      setError(caught instanceof ApiError && caught.status === 0 ? t('registerResident.offline') : caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('registerResident.title')} back="/">
      {!online && <p className="banner" role="status" data-testid="register-offline">{t('registerResident.offline')}</p>}
      {events?.length === 0 && <p className="muted">{t('registerResident.noEvents')}</p>}
      {done ? (
        <div className="stack">
          <RegistrationSlip registration={done.registration} lead={t('registerResident.done', { name: done.name })} after={t('registerResident.showAtDoor')} />
          <button type="button" className="btn btn-secondary" onClick={() => { setDone(undefined); setSearch(''); }}>{t('registerResident.another')}</button>
        </div>
      ) : events && events.length > 0 && (
        <div className="stack">
          <div className="field">
            <label htmlFor={`${id}-event`}>{t('registerResident.event')}</label>
            <select id={`${id}-event`} value={eventId} onChange={(e) => setEventId(e.target.value)}>
              {events.map((e) => <option key={e.id} value={e.id}>{e.title}</option>)}
            </select>
          </div>
          {event && (
            <p>
              {when(event.startsAt)}{event.place ? ` · ${event.place}` : ''}
              {event.capacity !== null && ` · ${event.registered >= event.capacity ? t('registerResident.full') : `${event.registered}/${event.capacity}`}`}
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-search`}>{t('registerResident.search')}</label>
            <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)}
              aria-describedby={error ? `${id}-error` : `${id}-hint`} aria-invalid={error ? true : undefined} />
            {error ? <p id={`${id}-error`} className="field-error" role="alert">{error}</p> : <p id={`${id}-hint`} className="hint">{t('registerResident.searchHint')}</p>}
          </div>
          <ul className="plain-list stack">
            {residents.map((r) => (
              <li key={r.id}>
                <button type="button" className="btn btn-secondary" disabled={busy || !online} onClick={() => void registerResident(r)}>
                  {t('registerResident.pick', { name: r.fullName })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Screen>
  );
}
