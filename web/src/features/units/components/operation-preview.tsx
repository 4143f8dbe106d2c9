import { useTranslation } from 'react-i18next';
import type { OperationPreview } from '../api/units-api';
import { NS } from './units-i18n';

const FIGURES = ['households', 'residents', 'visits', 'households_covered'] as const;

/** What the operation would move and what stands afterwards, before the officer confirms it. */
export function PreviewView({ preview, busy, onConfirm }: { preview: OperationPreview; busy: boolean; onConfirm: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const number = (n: number) => new Intl.NumberFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB').format(n);
  return (
    <section className="card operation-preview" data-testid="operation-preview" aria-labelledby="operation-preview-title">
      <h4 id="operation-preview-title">{t('preview.title', { date: preview.effectiveDate })}</h4>
      <div className="table-scroll">
        <table className="workbench-table preview-table">
          <caption>{t('preview.before')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('preview.unit')}</th>
              <th scope="col" className="num">{t('preview.children')}</th>
              <th scope="col" className="num">{t('preview.teams')}</th>
              {FIGURES.map((source) => <th key={source} scope="col" className="num">{t(`figure.${source}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {preview.before.map((unit) => (
              <tr key={unit.code} data-testid="preview-unit" data-code={unit.code}>
                <th scope="row">{unit.name} <span className="muted">{unit.code}</span></th>
                <td className="num">{number(unit.children)}</td>
                <td className="num">{t('preview.teamsOf', { teams: number(unit.teams), members: number(unit.teamMembers) })}</td>
                {FIGURES.map((source) => <td key={source} className="num">{number(unit.figures[source] ?? 0)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('preview.figuresFollow')}</p>
      <h5>{t('preview.after')}</h5>
      <ul data-testid="preview-after">
        {preview.after.map((unit) => (
          <li key={unit.code}>{t('preview.afterUnit', { name: unit.name, code: unit.code, type: unit.type, parent: unit.parentCode ?? '—' })}</li>
        ))}
      </ul>
      <div className="workbench-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onConfirm}>{t('preview.confirm', { date: preview.effectiveDate })}</button>
      </div>
    </section>
  );
}
