import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/ui/screen';
import { authorOf, useField } from '../../../lib/field-context';
import { useLiveQuery } from '../../../lib/live-query';
import { useReferenceData } from '../../../lib/reference-data';
import type { EventItem } from '../api/events-api';
import { addCheckIn, countWaiting, isOn, loadEvents, whoByCode, type CheckInWho } from '../api/check-in-store';
import { useResidentSearch } from '../api/resident-search';
import { NS } from './events-i18n';
import { QrScanner } from './qr-scanner';
import './events.css';


/**
 * Check-in at an event, on a phone, offline: type the short code, scan its QR, pick a resident of
 * the village, or count walk-ins by head per skill. Each check-in goes to the outbox and syncs
 * like a visit; the server counts a person once per event, whichever phone sent them first.
 */
export default function CheckInScreen() {
  const { t, i18n } = useTranslation(NS);
  const field = useField();
  const { skillName } = useReferenceData();
  const id = useId();
  const [events, setEvents] = useState<EventItem[]>();
  const [eventId, setEventId] = useState('');
  const [code, setCode] = useState('');
  const [search, setSearch] = useState('');
  const [heads, setHeads] = useState('');
  const [skill, setSkill] = useState('');
  const [scanning, setScanning] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void loadEvents(field.village.code, i18n.language).then((list) => {
      setEvents(list);
      setEventId((current) => current || (list.find((e) => isOn(e)) ?? list[0])?.id || '');
    }, () => setEvents([]));
  }, [field.village.code, i18n.language]);
  const event = events?.find((e) => e.id === eventId);
  const waiting = useLiveQuery(() => (eventId ? countWaiting(eventId) : Promise.resolve(0)), [eventId]) ?? 0;
  const residents = useResidentSearch(search);

  const record = useCallback(async (who: CheckInWho, what: string, field_: string) => {
    if (!event) return;
    if (!isOn(event)) {
      setErrors({ [field_]: t('checkIn.outsideTime') });
      return;
    }
    await addCheckIn(event.id, who, skill || undefined, authorOf(field));
    setErrors({});
    setSaved(t('checkIn.saved', { what }));
  }, [event, skill, field, t]);

  const byCode = async (text: string) => {
    // A registration's code, or the certificate a person shows instead (its QR or its check code).
    const who = whoByCode(text);
    if (!who) return setErrors({ code: t('checkIn.codeInvalid') });
    await record(who, 'registrationCode' in who ? who.registrationCode : who.certificateCode, 'code');
    setCode('');
  };
  // The scanner keeps one callback while the camera runs; it reaches the latest event through the ref.
  const latestByCode = useRef(byCode);
  latestByCode.current = byCode;
  const onScanned = useCallback((text: string) => {
    setScanning(false);
    void latestByCode.current(text);
  }, []);

  const err = (name: string) => errors[name] && <p id={`${id}-${name}-error`} className="field-error" role="alert">{errors[name]}</p>;
  return (
    <Screen title={t('checkIn.title')} back="/">
      {events?.length === 0 && <p className="muted">{t('checkIn.noEvents')}</p>}
      {events && events.length > 0 && (
        <div className="stack">
          <div className="field">
            <label htmlFor={`${id}-event`}>{t('checkIn.event')}</label>
            <select id={`${id}-event`} value={eventId} onChange={(e) => setEventId(e.target.value)}>
              {events.map((e) => <option key={e.id} value={e.id}>{e.title}</option>)}
            </select>
          </div>
          {event && (
            <p data-testid="check-in-count">
              {t('checkIn.today', { n: waiting })}
              {event.capacity !== null && ` · ${event.registered > event.capacity ? t('checkIn.overCapacity', { n: event.registered, capacity: event.capacity }) : t('checkIn.capacity', { capacity: event.capacity })}`}
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-skill`}>{t('checkIn.skill')}</label>
            <select id={`${id}-skill`} value={skill} onChange={(e) => setSkill(e.target.value)}>
              <option value="">{t('checkIn.anySkill')}</option>
              {(event?.skills ?? []).map((s) => <option key={s} value={s}>{skillName(s)}</option>)}
            </select>
          </div>
          <p role="status" aria-live="polite" data-testid="check-in-saved">{saved}</p>

          <form className="card stack" onSubmit={(e) => { e.preventDefault(); void byCode(code); }} noValidate>
            <h3>{t('checkIn.byCode')}</h3>
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('checkIn.code')}</label>
              <input id={`${id}-code`} className="check-in-code" value={code} maxLength={12} autoCapitalize="characters" autoComplete="off"
                onChange={(e) => setCode(e.target.value)} aria-invalid={errors.code ? true : undefined}
                aria-describedby={errors.code ? `${id}-code-error` : `${id}-code-hint`} />
              {!errors.code && <p id={`${id}-code-hint`} className="hint">{t('checkIn.codeHint')}</p>}
              {err('code')}
            </div>
            <button type="submit" className="btn btn-primary">{t('checkIn.add')}</button>
            {scanning ? <QrScanner onCode={onScanned} onClose={() => setScanning(false)} />
              : <button type="button" className="btn btn-secondary" onClick={() => setScanning(true)}>{t('checkIn.scan')}</button>}
          </form>

          <section className="card stack">
            <h3>{t('checkIn.byResident')}</h3>
            <div className="field">
              <label htmlFor={`${id}-search`}>{t('checkIn.search')}</label>
              <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby={errors.resident ? `${id}-resident-error` : undefined} />
              {err('resident')}
            </div>
            <ul className="plain-list stack">
              {residents.map((r) => (
                <li key={r.id}>
                  <button type="button" className="btn btn-secondary" onClick={() => void record({ residentId: r.id }, r.fullName, 'resident')}>{r.fullName}</button>
                </li>
              ))}
            </ul>
          </section>

          <form className="card stack" onSubmit={(e) => {
            e.preventDefault();
            const n = Number(heads);
            if (!Number.isInteger(n) || n < 1) return setErrors({ heads: t('checkIn.headCountInvalid') });
            void record({ headCount: n }, t('checkIn.savedHeads', { n }), 'heads').then(() => setHeads(''));
          }} noValidate>
            <h3>{t('checkIn.walkIns')}</h3>
            <div className="field">
              <label htmlFor={`${id}-heads`}>{t('checkIn.headCount')}</label>
              <input id={`${id}-heads`} type="number" inputMode="numeric" min={1} value={heads} onChange={(e) => setHeads(e.target.value)}
                aria-invalid={errors.heads ? true : undefined} aria-describedby={errors.heads ? `${id}-heads-error` : undefined} />
              {err('heads')}
            </div>
            <button type="submit" className="btn btn-primary">{t('checkIn.add')}</button>
          </form>
        </div>
      )}
    </Screen>
  );
}
