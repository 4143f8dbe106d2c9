import { useTranslation } from 'react-i18next';
import type { Status } from '../api/dashboard-api';
import { STATUS_SYMBOL } from '../api/figures';
import { NS } from './dashboard-i18n';

/** Colour, a shape and the word: status never rests on colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation(NS);
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span aria-hidden="true" className="status-symbol">{STATUS_SYMBOL[status]}</span>
      {t(`status.${status}`)}
    </span>
  );
}
