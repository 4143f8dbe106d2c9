import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchUnits, type FoundUnit } from '../api/units-api';
import { NS } from './units-i18n';

interface UnitSearchProps {
  /** Where to search: the officer's scope. */
  root: string;
  label: string;
  /** Only units of this tier are offered (a move's new parent, a merge's other sources). */
  tier?: FoundUnit['tier'];
  onPick: (unit: FoundUnit) => void;
  testId?: string;
}

/** Finds a unit by a part of its name (accents optional) or its code, among thousands of villages. */
export function UnitSearch({ root, label, tier, onPick, testId }: UnitSearchProps) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<FoundUnit[] | null>(null);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    const typed = text.trim();
    if (typed.length < 2) {
      setFound(null);
      return;
    }
    const controller = new AbortController();
    // A pause in typing, not every key, asks the server.
    const timer = setTimeout(() => {
      searchUnits(root, typed, { language: i18n.language, signal: controller.signal }).then(
        (items) => { setFound(tier ? items.filter((unit) => unit.tier === tier) : items); setFailure(''); },
        (error: unknown) => { if (!controller.signal.aborted) setFailure(error instanceof Error ? error.message : String(error)); },
      );
    }, 250);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [text, root, tier, i18n.language]);

  return (
    <div className="field unit-search" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={text} autoComplete="off" maxLength={100} onChange={(event) => setText(event.target.value)}
        aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="hint">{t('search.hint')}</p>
      {failure && <p className="field-error" role="alert">{failure}</p>}
      <p className="sr-only" role="status" aria-live="polite">{found ? t('search.count', { count: found.length }) : ''}</p>
      {found && found.length === 0 && <p className="muted">{t('search.none')}</p>}
      {found && found.length > 0 && (
        <ul className="unit-results">
          {found.map((unit) => (
            <li key={unit.code}>
              <button type="button" className="btn btn-secondary btn-small" data-testid="unit-result" data-code={unit.code}
                onClick={() => { onPick(unit); setText(''); }}>
                {unit.name} <span className="muted">· {unit.code}{unit.parentName ? ` · ${unit.parentName}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
