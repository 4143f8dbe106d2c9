import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Screen } from '../../../components/ui/screen';
import { ApiError } from '../../../lib/api';
import { saveVillage } from '../../../lib/session';
import { listChildUnits, type UnitItem } from '../api/session-api';

/**
 * For officers and commune-level teams, whose scope is wider than one village: the device keeps
 * one village at a time (the contract's pull is per village), picked here while online.
 */
export function VillagePicker({ scope, onPicked }: { scope: string; onPicked: () => void }) {
  const { t, i18n } = useTranslation();
  const [parent, setParent] = useState(scope);
  const [units, setUnits] = useState<UnitItem[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setUnits(undefined);
    listChildUnits(parent, i18n.language).then((page) => setUnits(page.items), (caught: unknown) => {
      setError(caught instanceof ApiError && caught.status !== 0 ? caught.message : t('village.needsNetwork'));
    });
  }, [parent, i18n.language, t]);

  const pick = async (unit: UnitItem) => {
    if (unit.tier !== 'village') return setParent(unit.code);
    await saveVillage({ code: unit.code, name: unit.name });
    onPicked();
  };

  return (
    <Screen title={t('village.pick')}>
      {parent !== scope && <Button variant="secondary" onClick={() => setParent(scope)}>{t('common.back')}</Button>}
      {error && <p className="error-text" role="alert">{error}</p>}
      {!units && !error && <p className="muted">{t('common.loading')}</p>}
      <ul className="list">
        {units?.map((unit) => (
          <li key={unit.code}>
            <button type="button" className="row-button" onClick={() => void pick(unit)}>
              <strong>{unit.name}</strong>
              <span className="row-sub">{unit.code}</span>
            </button>
          </li>
        ))}
      </ul>
    </Screen>
  );
}
