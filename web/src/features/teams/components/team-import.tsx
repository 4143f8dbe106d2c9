import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vietnamDay } from '../../../lib/time';
import { previewImport, runImport, type ImportPreview } from '../api/teams-api';
import { NS } from './teams-i18n';

const TEMPLATE_HEADER = 'village_code,team_name,member_name,affiliation,role,phone,username';

/** A template the commune fills in: the header the import expects and one example row per kind of line. */
function downloadTemplate(example: string[]) {
  // A byte-order mark, so Excel opens the Vietnamese names as UTF-8.
  const text = `\uFEFF${[TEMPLATE_HEADER, ...example].join('\r\n')}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'mau-to-cong-nghe-so.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The spreadsheet import: every row and what it would do (or why not) before anything is written. */
export function TeamImport({ villageCode, csrfToken, onImported }: { villageCode: string; csrfToken: string; onImported: (message: string) => void }) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [day, setDay] = useState(vietnamDay());
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const write = { language: i18n.language, csrfToken };

  const check = async (event: React.FormEvent) => {
    event.preventDefault();
    setPreview(null);
    if (!file) return setFailure(t('import.fileRequired'));
    setBusy(true);
    try {
      setPreview(await previewImport(file, day, write));
      setFailure('');
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const summary = await runImport(file, day, write);
      setPreview(null);
      onImported(t('import.done', { ...summary }));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const bad = preview?.rows.filter((row) => row.errors.length > 0).length ?? 0;

  return (
    <form className="card workbench-form" onSubmit={(e) => void check(e)} noValidate aria-labelledby={`${id}-title`} data-testid="team-import">
      <h3 id={`${id}-title`}>{t('import.title')}</h3>
      <p className="hint">{t('import.intro')}</p>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => downloadTemplate([
        `${villageCode},${t('import.exampleTeam')},${t('import.exampleLeader')},Đoàn thanh niên,Tổ trưởng,0905123456,`,
        `${villageCode},${t('import.exampleTeam')},${t('import.exampleMember')},Hội phụ nữ,Thành viên,,`,
      ])}>{t('import.template')}</button>
      <div className="workbench-filters">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.file')}</label>
          <input id={`${id}-file`} type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setFailure(''); }}
            aria-invalid={failure ? true : undefined} aria-describedby={failure ? `${id}-file-error` : undefined} />
          {failure && <p id={`${id}-file-error`} className="field-error" role="alert">{failure}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-day`}>{t('import.day')}</label>
          <input id={`${id}-day`} type="date" value={day} onChange={(e) => { setDay(e.target.value); setPreview(null); }} />
        </div>
      </div>
      <div className="workbench-actions"><button type="submit" className="btn btn-secondary" disabled={busy}>{t('import.check')}</button></div>
      {preview && (
        <section aria-labelledby={`${id}-preview`} data-testid="import-preview">
          <h4 id={`${id}-preview`}>{preview.summary ? t('import.ready', { ...preview.summary }) : t('import.refused', { count: bad + preview.fileErrors.length })}</h4>
          {preview.fileErrors.map((e, i) => <p key={i} className="error-text" role="alert">{e.message}</p>)}
          <div className="table-scroll">
            <table className="workbench-table audit-table">
              <caption>{t('import.rows', { count: preview.rows.length })}</caption>
              <thead><tr><th scope="col" className="num">{t('import.line')}</th><th scope="col">{t('import.village')}</th><th scope="col">{t('fullName')}</th><th scope="col">{t('import.role')}</th><th scope="col">{t('import.result')}</th></tr></thead>
              <tbody>
                {preview.rows.slice(0, 500).map((row) => (
                  <tr key={row.line} data-testid="import-row" data-line={row.line} className={row.errors.length > 0 ? 'row-error' : undefined}>
                    <td className="num">{row.line}</td><td>{row.villageCode}</td><td>{row.fullName}</td><td>{row.role}</td>
                    <td>{row.errors.length > 0 ? row.errors.map((e) => e.message).join(' ') : row.outcome ? t(`outcome.${row.outcome}`) : t('outcome.ok')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.summary && (
            <div className="workbench-actions"><button type="button" className="btn btn-primary" disabled={busy} onClick={() => void confirm()}>{t('import.confirm')}</button></div>
          )}
        </section>
      )}
    </form>
  );
}
