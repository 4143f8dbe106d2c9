import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../lib/figures';
import type { Difficulty } from '../api/dashboard-api';
import { NS } from './dashboard-i18n';

interface DifficultiesProps {
  items: readonly Difficulty[] | undefined;
  /** Why the list could not be loaded, if it could not. */
  error?: string;
  /** More are open than listed. */
  more: boolean;
  unitName: (code: string) => string;
  linkTo: (unitCode: string) => string;
  /** The difficulties screen for this unit, where they are answered and closed. */
  listHref: string;
}

const vietnamDayOf = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** Difficulties the units reported and the province has not closed: what stands in the way of the figures. */
export function DifficultiesPanel({ items, error, more, unitName, linkTo, listHref }: DifficultiesProps) {
  const { t } = useTranslation(NS);
  if (!items) return <p className="muted">{error ? t('failed', { message: error }) : t('loading')}</p>;
  if (items.length === 0) return <p className="muted">{t('difficulties.none')} <a href={listHref}>{t('difficulties.openList')}</a></p>;
  return (
    <>
      <p><a href={listHref} data-testid="difficulties-link"><strong>{t('difficulties.total', { count: items.length, more: more ? '+' : '' })}</strong></a></p>
      <ul className="difficulties" data-testid="difficulties">
        {items.map((item) => (
          <li key={item.id}>
            <span className="difficulty-head">
              <strong>{t(`difficulties.category.${item.category}`, { defaultValue: item.category })}</strong>
              <span className="pill-small">{t(`difficulties.state.${item.status}`)}</span>
            </span>
            <span>{item.description}</span>
            <span className="muted small">
              <a href={`#${linkTo(item.unitCode)}`}>{unitName(item.unitCode)}</a> · {t('difficulties.reportedAt', { day: formatDay(vietnamDayOf(item.reportedAt)) })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
