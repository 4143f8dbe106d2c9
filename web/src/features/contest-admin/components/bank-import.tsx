import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ImportRefused, importBank, type Bank, type Call, type RowProblem } from '../api/contest-admin-api';
import { NS } from './contest-admin-i18n';

/** Uploads a bank file; a refused file lists every row at fault, as the server reported it. */
export function BankImport({ province, call, banks, onImported }: { province: string; call: Call; banks: Bank[]; onImported: () => void }) {
  const { t } = useTranslation(NS);
  const [name, setName] = useState('');
  const [format, setFormat] = useState('xlsx');
  const [file, setFile] = useState<File>();
  const [rows, setRows] = useState<RowProblem[]>([]);
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const [busy, setBusy] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      const bank = await importBank(province, name, format, file, call);
      setRows([]);
      setMessage({ text: t('imported', { count: bank.questionCount }), failed: false });
      onImported();
    } catch (caught) {
      // Nothing was written: every row at fault is listed, or the server's sentence is shown.
      setRows(caught instanceof ImportRefused ? caught.rows : []);
      setMessage({ text: caught instanceof Error ? caught.message : String(caught), failed: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="contest-card" data-testid="bank-import">
      <h2>{t('banks')}</h2>
      <ul>{banks.map((b) => <li key={b.id}>{b.name} · {t('questions', { count: b.questionCount })}</li>)}</ul>
      <form onSubmit={(e) => void send(e)}>
        <TextField label={t('bankName')} value={name} onChange={(e) => setName(e.target.value)} required />
        <div className="field">
          <label htmlFor="bank-format">{t('format')}</label>
          <select id="bank-format" value={format} onChange={(e) => setFormat(e.target.value)}>
            <option value="xlsx">Excel (XLSX)</option><option value="csv">CSV</option><option value="aiken">Aiken</option><option value="gift">GIFT</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="bank-file">{t('file')}</label>
          <input id="bank-file" type="file" required onChange={(e) => setFile(e.target.files?.[0])} />
        </div>
        {message && <p className={message.failed ? 'field-error' : 'muted'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
        {rows.length > 0 && <ul className="field-error" data-testid="bank-rows">{rows.map((r, i) => <li key={i}>{t('rowError', { row: r.row, message: r.message })}</li>)}</ul>}
        <Button type="submit" disabled={busy || !file}>{t('import')}</Button>
      </form>
    </section>
  );
}
