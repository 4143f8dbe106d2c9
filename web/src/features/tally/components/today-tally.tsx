import { useTranslation } from 'react-i18next';
import { db } from '../../../lib/db';
import { useField } from '../../../lib/field-context';
import { useLiveQuery } from '../../../lib/live-query';
import { vietnamDay } from '../../../lib/time';
import { useNow } from '../../../lib/use-online';

/** Today's work on this phone (Vietnam day): visits made, people helped, services given. */
export function TodayTally() {
  const { t } = useTranslation();
  const { user } = useField();
  // Re-read after midnight too: the tally of a new day starts at zero.
  const day = vietnamDay(useNow(60_000));
  const entries = useLiveQuery(() => db.visitLog.where('day').equals(day).filter((e) => e.userId === user.id && e.state !== 'rejected').toArray(), [day, user.id]);
  const visits = entries?.length ?? 0;
  const people = entries?.reduce((sum, e) => sum + e.peopleHelped, 0) ?? 0;
  const services = entries?.reduce((sum, e) => sum + e.services, 0) ?? 0;
  return (
    <section aria-labelledby="tally-title" className="stack">
      <h2 id="tally-title">{t('tally.title')}</h2>
      <div className="tally" data-testid="tally">
        <div><strong data-testid="tally-visits">{visits}</strong><span>{t('tally.visits')}</span></div>
        <div><strong>{people}</strong><span>{t('tally.people')}</span></div>
        <div><strong>{services}</strong><span>{t('tally.services')}</span></div>
      </div>
    </section>
  );
}
