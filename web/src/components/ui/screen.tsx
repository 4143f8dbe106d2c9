import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../lib/navigation';

interface ScreenProps {
  title: string;
  /** Where the back arrow goes; none on the home screen. */
  back?: string;
  children: ReactNode;
}

export function Screen({ title, back, children }: ScreenProps) {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <div className="screen-head">
        {back !== undefined && (
          <button type="button" className="back" onClick={() => navigate(back)} aria-label={t('common.back')}>←</button>
        )}
        <h2>{title}</h2>
      </div>
      {children}
    </section>
  );
}
