import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PaintedPublic } from '../../../components/ui/painted-public';
import { paintedPublic } from '../../../lib/early-public';
import { navigate } from '../../../lib/navigation';
import { useResource } from '../../../lib/use-resource';
import { fetchPublicPage } from '../api/public-api';
import { NS } from './public-i18n';
import { publicPath, PublicUnit } from './public-unit';
// The progress views' look the dashboard shares (tiles, status colours, tables), so the public
// figures read the same way as the officers'; both are lazy chunks, so none of it reaches the
// field app's download.
import '../../../components/ui/progress-views.css';
import './public.css';

interface PublicPageProps {
  /** The hash path: /public, /public/<unit> or /public/<unit>/<indicator>. */
  path: string;
  /** Whether someone is signed in on this device: the way back is then the app, not the login. */
  signedIn: boolean;
  /** Controls the app shell owns (the language switch). */
  actions?: ReactNode;
}

/**
 * The movement's progress for anyone, no login: a province's (or a commune's) figures, the
 * summary in sentences and the ranking of the province's communes. Loaded on demand (React.lazy in
 * app/app.tsx). Only aggregates and unit names reach it (GET /api/public/progress).
 */
export default function PublicPage({ path, signedIn, actions }: PublicPageProps) {
  const { t } = useTranslation(NS);
  const main = useRef<HTMLElement>(null);
  const [, , unitCode, indicatorCode] = path.split('/').map((part) => decodeURIComponent(part));

  useEffect(() => {
    document.title = `${t('title')} · Doorstep`;
    return () => {
      document.title = 'Doorstep';
    };
  }, [t]);

  return (
    <div className="dash public">
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>{t('skipToContent')}</button>
      <header className="dash-top">
        <h1>
          Doorstep · {t('title')}
          <small>{t('movement')}</small>
        </h1>
        <nav className="dash-actions" aria-label={t('navigation')}>
          {actions}
          <a className="btn btn-quiet" href="#/" data-testid="public-sign-in">{signedIn ? t('openApp') : t('signIn')}</a>
        </nav>
      </header>
      <main ref={main} tabIndex={-1} className="dash-main">
        {unitCode ? <PublicUnit unitCode={unitCode} indicatorCode={indicatorCode || undefined} /> : <ProvincePicker />}
      </main>
      <footer className="public-footer"><p className="muted">{t('privacy')}</p></footer>
    </div>
  );
}

/** Without a unit in the address: the only province, straight away, or a choice of them. */
function ProvincePicker() {
  const { t, i18n } = useTranslation(NS);
  const page = useResource(`public-page|${i18n.language}`, (signal) => fetchPublicPage('', { language: i18n.language, signal }));
  const provinces = { ...page, data: page.data && { items: page.data.provinces } };
  const only = provinces.data?.items.length === 1 ? provinces.data.items[0] : undefined;
  useEffect(() => {
    if (only) navigate(publicPath(only.code), { replace: true });
  }, [only]);

  if (provinces.error) {
    const text = provinces.error.status === 429 ? t('tooMany') : t('failed', { message: provinces.error.message });
    return <p className="banner" role="alert">{text}</p>;
  }
  if (!provinces.data || only) {
    // The only province's figures index.html painted, while the page moves on to them.
    const figures = paintedPublic(undefined, i18n.language);
    return figures ? <PaintedPublic node={figures} /> : <p className="muted" role="status">{t('loading')}</p>;
  }
  if (provinces.data.items.length === 0) return <p className="muted">{t('noProvinces')}</p>;
  return (
    <section aria-labelledby="provinces-heading" className="dash-section">
      <h2 id="provinces-heading">{t('pickProvince')}</h2>
      <ul className="list">
        {provinces.data.items.map((province) => (
          <li key={province.code}>
            <a className="row-button" href={`#${publicPath(province.code)}`}><strong>{province.name}</strong><span className="row-sub">{province.code}</span></a>
          </li>
        ))}
      </ul>
    </section>
  );
}
