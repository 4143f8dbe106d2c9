import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/ui/use-format';
import { useResource } from '../../../lib/use-resource';
import { fetchCoverage, fetchMilestoneKinds, fetchMissing, neverVisited, type Coverage, type CoverageFigures, type MissingPerson } from '../api/coverage-api';
import { NS } from './dashboard-i18n';

/** Children shown before "show all": the least covered first, where attention is needed. */
const FIRST_CHILDREN = 10;

/** Whole counts and a share as a percentage, in the reader's language. */
function useCounts() {
  const { number, language } = useFormat();
  return { number: (value: number) => number(value, 0), percent: (share: number) => `${number(share * 100, 1)}%`, language };
}

function Figures({ figures }: { figures: CoverageFigures }) {
  const { t } = useTranslation(NS);
  const { number, percent } = useCounts();
  const cells: [string, string][] = [
    ['households', number(figures.households)],
    ['covered', `${number(figures.householdsCovered)} (${percent(figures.rate)})`],
    ['comeBack', number(figures.householdsToComeBack)],
    ['never', number(neverVisited(figures))],
  ];
  return (
    <dl className="coverage-figures">
      {cells.map(([key, value]) => <div key={key} data-testid={`coverage-${key}`}><dt>{t(`coverage.${key}`)}</dt><dd>{value}</dd></div>)}
    </dl>
  );
}

function ChildrenTable({ coverage, linkTo }: { coverage: Coverage; linkTo: (code: string) => string }) {
  const { t } = useTranslation(NS);
  const { number, percent } = useCounts();
  const [all, setAll] = useState(false);
  const sorted = [...coverage.children].sort((a, b) => a.rate - b.rate || a.unit.name.localeCompare(b.unit.name, 'vi'));
  const shown = all ? sorted : sorted.slice(0, FIRST_CHILDREN);
  return (
    <>
      <div className="table-scroll">
        <table className="workbench-table" data-testid="coverage-children">
          <caption className="sr-only">{t('coverage.childrenCaption')}</caption>
          <thead><tr>{['unit', 'households', 'covered', 'comeBack', 'never'].map((key) => <th key={key} scope="col">{t(`coverage.${key}`)}</th>)}</tr></thead>
          <tbody>
            {shown.map((child) => (
              <tr key={child.unit.code}>
                <th scope="row"><a href={`#${linkTo(child.unit.code)}`}>{child.unit.name}</a></th>
                <td>{number(child.households)}</td><td>{percent(child.rate)}</td>
                <td>{number(child.householdsToComeBack)}</td><td>{number(neverVisited(child))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length > FIRST_CHILDREN && (
        <button type="button" className="btn btn-quiet btn-small" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('coverage.showFewer') : t('coverage.showAll', { count: sorted.length })}
        </button>
      )}
    </>
  );
}

/** A village's residents still lacking each milestone, counts first; names only when a leader or officer asks. */
function Lacking({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation(NS);
  const { number, language } = useCounts();
  const kinds = useResource(`milestone-kinds|${language}`, (signal) => fetchMilestoneKinds({ language, signal }));
  const [open, setOpen] = useState<{ kind: string; people: MissingPerson[]; next: string | null } | null>(null);
  const [error, setError] = useState('');
  const show = async (kind: string, after: string | null = null) => {
    setError('');
    try {
      const page = await fetchMissing(coverage.unit.code, kind, after, { language });
      setOpen((previous) => ({ kind, people: after && previous ? [...previous.people, ...page.items] : page.items, next: page.next }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <>
      <h4>{t('coverage.lackingHeading')}</h4>
      <ul className="list coverage-lacking">
        {kinds.data?.items.map((kind) => (
          <li key={kind.code}>
            <span>{kind.name}: <strong>{number(Math.max(0, coverage.residents - (coverage.milestones[kind.code] ?? 0)))}</strong> {t('coverage.people')}</span>
            <button type="button" className="btn btn-quiet btn-small" aria-expanded={open?.kind === kind.code}
              onClick={() => (open?.kind === kind.code ? setOpen(null) : void show(kind.code))}>
              {open?.kind === kind.code ? t('coverage.hideNames') : t('coverage.showNames')}
            </button>
            {open?.kind === kind.code && (
              <>
                <ol className="coverage-names" data-testid="coverage-names">
                  {open.people.map((person) => <li key={person.id}>{person.fullName}{person.birthYear ? ` (${person.birthYear})` : ''} · {person.householdLabel}</li>)}
                </ol>
                {open.people.length === 0 && <p className="muted">{t('coverage.nobodyLacking')}</p>}
                {open.next && <button type="button" className="btn btn-quiet btn-small" onClick={() => void show(kind.code, open.next)}>{t('coverage.moreNames')}</button>}
              </>
            )}
          </li>
        ))}
      </ul>
      {error && <p className="field-error" role="alert">{error}</p>}
    </>
  );
}

/**
 * Door-to-door coverage of a unit: households covered (someone there was guided), to come back to
 * (visited, nobody guided yet: not home, refused, follow up) and never visited; the children least
 * covered first; and for a village, who still lacks each milestone.
 */
export function CoveragePanel({ unitCode, refresh, linkTo }: { unitCode: string; refresh: number; linkTo: (code: string) => string }) {
  const { t } = useTranslation(NS);
  const { language } = useCounts();
  const coverage = useResource(`coverage|${unitCode}|${language}`, (signal) => fetchCoverage(unitCode, { language, signal }), refresh);
  if (!coverage.data) return <p className="muted">{coverage.error ? t('failed', { message: coverage.error.message }) : t('loading')}</p>;
  return (
    <>
      <p className="muted">{t('coverage.help')}</p>
      <Figures figures={coverage.data} />
      {coverage.data.children.length > 0 && <ChildrenTable coverage={coverage.data} linkTo={linkTo} />}
      {coverage.data.unit.tier === 'village' && <Lacking coverage={coverage.data} />}
    </>
  );
}
