import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api';
import { createContest, updateContest, type AdminContest, type Bank, type Call } from '../api/contest-admin-api';
import { NS } from './contest-admin-i18n';
import { PhaseFields, prizeDraft, type PhaseDraft } from './phase-fields';
import { DEFAULT_RULES, RuleFields, rulesDraft, rulesOf, type RulesDraft } from './rule-fields';

const phasesOf = (contest?: AdminContest): PhaseDraft[] => contest
  ? contest.phases.map((p) => ({ startsOn: p.startsOn, endsOn: p.endsOn, prizes: prizeDraft(p.prizes), locked: p.publishedAt !== null }))
  : [{ startsOn: '', endsOn: '', prizes: { first: '1', second: '2', third: '3' }, locked: false }];

/** The fields the form shows an error beside; any other error is shown above the save button. */
const PLACED = /^(title|bankId|phases|rules\.|organiserPhones)/;

/**
 * A contest, new or edited: title, bank, phases with their prizes, eligibility and rules, and
 * the organisers' phones (who may not take part). The phones are never shown back: only how
 * many are on record, and typing a list replaces it.
 */
export function ContestForm({ province, call, banks, contest, onSaved, onCancel }: {
  province: string; call: Call; banks: Bank[]; contest?: AdminContest; onSaved: () => void; onCancel?: () => void;
}) {
  const { t } = useTranslation(NS);
  const [title, setTitle] = useState(contest?.title ?? '');
  const [bankId, setBankId] = useState(contest?.bankId ?? '');
  const [phases, setPhases] = useState(() => phasesOf(contest));
  const [rules, setRules] = useState<RulesDraft>(() => (contest ? rulesDraft(contest.rules) : DEFAULT_RULES));
  const [phones, setPhones] = useState('');
  const [clearPhones, setClearPhones] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const phoneLines = phones.split('\n').map((line) => line.trim()).filter(Boolean);
  const errorFor = (field: string) => {
    if (!error?.field) return undefined;
    const phone = /^organiserPhones\[(\d+)\]$/.exec(error.field);
    if (field === 'organiserPhones' && phone) return t('phoneLine', { line: Number(phone[1]) + 1, phone: phoneLines[Number(phone[1])], message: error.message });
    return error.field === field ? error.message : undefined;
  };
  const prefix = contest ? `edit-${contest.id}` : 'new';

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    const body = {
      title, bankId, rules: rulesOf(rules),
      phases: phases.map((p) => ({ startsOn: p.startsOn, endsOn: p.endsOn, prizes: { first: Number(p.prizes.first), second: Number(p.prizes.second), third: Number(p.prizes.third) } })),
      ...(phoneLines.length > 0 || clearPhones || !contest ? { organiserPhones: clearPhones ? [] : phoneLines } : {}),
    };
    try {
      if (contest) await updateContest(contest.id, body, call);
      else await createContest({ ...body, provinceCode: province }, call);
      setSaved(true);
      setPhones('');
      setClearPhones(false);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    }
  };

  return (
    <form className="contest-card" onSubmit={(e) => void send(e)} data-testid={contest ? 'contest-edit-form' : 'contest-form'} noValidate={false}>
      <h2>{contest ? t('editContest', { title: contest.title }) : t('newContest')}</h2>
      <TextField label={t('contestTitle')} value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={200} error={errorFor('title')} />
      <div className="field">
        <label htmlFor={`${prefix}-bank`}>{t('bank')}</label>
        <select id={`${prefix}-bank`} value={bankId} onChange={(e) => setBankId(e.target.value)} required aria-invalid={errorFor('bankId') ? true : undefined}>
          <option value="">{t('pickBank')}</option>
          {banks.map((b) => <option key={b.id} value={b.id}>{b.name} · {t('questions', { count: b.questionCount })}</option>)}
        </select>
        {errorFor('bankId') && <p className="field-error" role="alert">{errorFor('bankId')}</p>}
      </div>
      <PhaseFields phases={phases} onChange={setPhases} errorFor={errorFor} />
      <RuleFields rules={rules} onChange={setRules} errorFor={errorFor} />
      <div className="field">
        <label htmlFor={`${prefix}-phones`}>{t('organisers')}</label>
        <textarea id={`${prefix}-phones`} rows={3} value={phones} onChange={(e) => setPhones(e.target.value)} aria-invalid={errorFor('organiserPhones') ? true : undefined} />
        <p className="hint">{contest ? t('organisersKept', { count: contest.organiserCount }) : t('organisersHint')}</p>
        {contest && contest.organiserCount > 0 && (
          <div className="field-check">
            <input id={`${prefix}-clear`} type="checkbox" checked={clearPhones} onChange={(e) => setClearPhones(e.target.checked)} />
            <label htmlFor={`${prefix}-clear`}>{t('organisersClear')}</label>
          </div>
        )}
        {errorFor('organiserPhones') && <p className="field-error" role="alert">{errorFor('organiserPhones')}</p>}
      </div>
      {error && !error.field?.match(PLACED) && <p className="field-error" role="alert">{error.message}</p>}
      {saved && <p className="muted" role="status">{t('saved')}</p>}
      <div className="contest-actions">
        <Button type="submit">{contest ? t('save') : t('create')}</Button>
        {onCancel && <Button variant="quiet" onClick={onCancel}>{t('cancel')}</Button>}
      </div>
    </form>
  );
}
