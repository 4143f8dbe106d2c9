import { useTranslation } from 'react-i18next';
import { STATUS_SYMBOL } from '../../lib/figures';
import type { Status } from '../../lib/progress-types';
import { PROGRESS_NS } from './progress-i18n';

/** A status in words, in the reader's language: "Đúng tiến độ" / "On track". */
export function useStatusLabel(): (status: Status) => string {
  const { t } = useTranslation(PROGRESS_NS);
  return (status) => t(`status.${status}`);
}

/** Colour, a shape and the word: status never rests on colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const label = useStatusLabel();
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span aria-hidden="true" className="status-symbol">{STATUS_SYMBOL[status]}</span>
      {label(status)}
    </span>
  );
}
