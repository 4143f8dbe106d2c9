import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Screen } from '../../../components/ui/screen';
import { useResource } from '../../../lib/use-resource';
import { checkLink, credentialUrl, displayCode, fetchMyCertificates, pdfUrl, type MyCertificate } from '../api/certificates-api';
import { NS } from './certificates-i18n';
import './certificates.css';

/** A learner's certificates: the PDF to print, the signed credential for a wallet, the check link to share. */
export default function MyCertificates() {
  const { t, i18n } = useTranslation(NS);
  const list = useResource(`mine/${i18n.language}`, (signal) => fetchMyCertificates(i18n.language, signal));
  return (
    <Screen title={t('myTitle')} back="/">
      {list.loading && !list.data && <p role="status" className="muted">{t('loading')}</p>}
      {list.error && <p role="alert" className="field-error">{list.error.message}</p>}
      {list.data?.items.length === 0 && <p>{t('none')}</p>}
      <ul className="my-certificates">
        {list.data?.items.map((c) => <CertificateCard key={c.id} certificate={c} />)}
      </ul>
    </Screen>
  );
}

function CertificateCard({ certificate: c }: { certificate: MyCertificate }) {
  const { t, i18n } = useTranslation(NS);
  const [copied, setCopied] = useState(false);
  const link = checkLink(c.code);
  const share = async () => {
    // The phone's own share sheet where there is one (Zalo, Messenger…), else the clipboard.
    if (navigator.share) await navigator.share({ title: t('myTitle'), url: link }).catch(() => undefined);
    else {
      await navigator.clipboard?.writeText(link).catch(() => undefined);
      setCopied(true);
    }
  };
  return (
    <li className={`certificate-card${c.revokedAt ? ' is-revoked' : ''}`} data-testid="my-certificate">
      <h3>{c.holderName}</h3>
      <p className="muted">{t('code', { code: displayCode(c.code) })} · {new Date(`${c.achievedOn}T00:00:00`).toLocaleDateString(i18n.language)}</p>
      {c.revokedAt && <p className="field-error">{t('statusRevoked', { reason: c.revokedReason ?? '' })}</p>}
      <div className="certificate-actions">
        <a className="btn" href={pdfUrl(c.code)} download>{t('downloadPdf')}</a>
        <a className="btn btn-quiet" href={credentialUrl(c.code)} download>{t('downloadCredential')}</a>
        <Button variant="quiet" onClick={() => void share()}>{t('share')}</Button>
      </div>
      <p className="hint">{t('credentialHelp')}</p>
      {copied && <p role="status">{t('copied')}</p>}
    </li>
  );
}
