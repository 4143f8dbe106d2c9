import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/figures';
import { useResource } from '../../../lib/use-resource';
import { fetchHistory } from '../api/figures-api';
import { NS } from './figures-i18n';

const localTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

/** Every step of one figure: saved, submitted, approved or returned, with the value and comment of each. */
export function FigureHistory({ id, name }: { id: number; name: string }) {
  const { t, i18n } = useTranslation(NS);
  const history = useResource(`history|${id}|${i18n.language}`, (signal) => fetchHistory(id, { language: i18n.language, signal }));
  if (history.error) return <p className="error-text" role="alert">{t('failed', { message: history.error.message })}</p>;
  if (!history.data) return <p className="muted" role="status">{t('loading')}</p>;
  return (
    <div className="figure-history" data-testid="figure-history">
      <h4>{t('historyOf', { name })}</h4>
      {history.data.length === 0 ? <p className="muted">{t('historyEmpty')}</p> : (
        <ol>
          {history.data.map((entry, index) => (
            <li key={index}>
              {t('historyLine', { at: localTime(entry.at, i18n.language), action: t(`action.${entry.action}`, { defaultValue: entry.action }), value: formatNumber(entry.value, i18n.language, 2) })}
              {entry.comment && <> · <q>{entry.comment}</q></>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
