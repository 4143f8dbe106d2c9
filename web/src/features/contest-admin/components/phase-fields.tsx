import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import type { PrizeCounts } from '../api/contest-admin-api';
import { NS } from './contest-admin-i18n';

export interface PhaseDraft {
  startsOn: string;
  endsOn: string;
  prizes: { first: string; second: string; third: string };
  /** Published phases are shown but frozen: their winners are public. */
  locked: boolean;
}

export const prizeDraft = (p: PrizeCounts) => ({ first: String(p.first), second: String(p.second), third: String(p.third) });

const RANKS = ['first', 'second', 'third'] as const;

/** The phases in order, each with its dates and how many prizes of each rank it gives. */
export function PhaseFields({ phases, onChange, errorFor }: { phases: PhaseDraft[]; onChange: (phases: PhaseDraft[]) => void; errorFor: (field: string) => string | undefined }) {
  const { t } = useTranslation(NS);
  const set = (i: number, change: Partial<PhaseDraft>) => onChange(phases.map((p, k) => (k === i ? { ...p, ...change } : p)));
  const last = phases[phases.length - 1];
  return (
    <fieldset className="contest-fieldset">
      <legend>{t('phases')}</legend>
      {phases.map((p, i) => (
        <div key={i} className="contest-phase" data-testid={`phase-fields-${i + 1}`}>
          <div className="contest-phase-row">
            <TextField label={t('phaseFrom', { number: i + 1 })} type="date" value={p.startsOn} disabled={p.locked} required
              onChange={(e) => set(i, { startsOn: e.target.value })} error={errorFor(`phases[${i}].startsOn`)} />
            <TextField label={t('phaseTo')} type="date" value={p.endsOn} disabled={p.locked} required
              onChange={(e) => set(i, { endsOn: e.target.value })} error={errorFor(`phases[${i}].endsOn`)} />
          </div>
          <div className="contest-phase-row">
            {RANKS.map((rank) => (
              <TextField key={rank} label={t(`prizes.${rank}`)} type="number" min={0} max={100} inputMode="numeric" value={p.prizes[rank]} disabled={p.locked}
                onChange={(e) => set(i, { prizes: { ...p.prizes, [rank]: e.target.value } })} error={errorFor(`phases[${i}].prizes.${rank}`)} />
            ))}
          </div>
          {p.locked && <p className="muted">{t('phaseLocked')}</p>}
          {errorFor(`phases[${i}]`) && <p className="field-error" role="alert">{errorFor(`phases[${i}]`)}</p>}
        </div>
      ))}
      {errorFor('phases') && <p className="field-error" role="alert">{errorFor('phases')}</p>}
      <div className="contest-actions">
        <Button variant="secondary" onClick={() => onChange([...phases, { startsOn: '', endsOn: '', prizes: last ? { ...last.prizes } : { first: '1', second: '2', third: '3' }, locked: false }])}>{t('addPhase')}</Button>
        {phases.length > 1 && last && !last.locked && <Button variant="quiet" onClick={() => onChange(phases.slice(0, -1))}>{t('removePhase')}</Button>}
      </div>
    </fieldset>
  );
}
