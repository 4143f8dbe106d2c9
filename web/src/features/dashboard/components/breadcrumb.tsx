import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { useResource } from '../../../lib/use-resource';
import { fetchUnit, type Unit } from '../api/dashboard-api';
import { NS } from './dashboard-i18n';

/** The units above this one, up to the top of the viewer's area (`scope`; null: the whole tree). */
async function ancestorsOf(unit: Unit, scope: string | null, language: string, signal: AbortSignal): Promise<Unit[]> {
  const chain: Unit[] = [];
  let parent = unit.code === scope ? null : unit.parentCode;
  while (parent !== null && chain.length < 8) {
    try {
      const next = await fetchUnit(parent, { language, signal });
      chain.unshift(next);
      parent = next.code === scope ? null : next.parentCode;
    } catch (error) {
      // Above the viewer's area the server answers 404, like a unit that does not exist.
      if (error instanceof ApiError && error.status === 404) break;
      throw error;
    }
  }
  return chain;
}

/** Province › commune › village: every level above is a link back up. */
export function Breadcrumb({ unit, scope, linkTo }: { unit: Unit; scope: string | null; linkTo: (unitCode: string) => string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const ancestors = useResource(`crumbs|${unit.code}|${language}`, (signal) => ancestorsOf(unit, scope, language, signal));
  // At the top of the viewer's area there is nothing to go back up to.
  if (unit.parentCode === null || unit.code === scope || (ancestors.data && ancestors.data.length === 0)) return null;
  return (
    <nav aria-label={t('breadcrumb')}>
      <ol className="crumbs">
        {(ancestors.data ?? []).map((ancestor) => (
          <li key={ancestor.code}><a href={`#${linkTo(ancestor.code)}`}>{ancestor.name}</a></li>
        ))}
        <li aria-current="page">{unit.name}</li>
      </ol>
    </nav>
  );
}
