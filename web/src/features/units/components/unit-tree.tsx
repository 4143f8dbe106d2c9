import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchChildren, type Unit } from '../api/units-api';
import { NS } from './units-i18n';

interface TreeProps {
  root: Unit;
  selected: string | null;
  onSelect: (unit: Unit) => void;
}

/** The administrative tree, each level read only when opened: a province's thousands of villages stay on the server. */
export function UnitTree({ root, selected, onSelect }: TreeProps) {
  const { t } = useTranslation(NS);
  return (
    <nav aria-label={t('tree.label')} className="unit-tree" data-testid="unit-tree">
      <ul>
        <TreeNode unit={root} selected={selected} onSelect={onSelect} startOpen />
      </ul>
    </nav>
  );
}

function TreeNode({ unit, selected, onSelect, startOpen = false }: { unit: Unit; selected: string | null; onSelect: (unit: Unit) => void; startOpen?: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const [open, setOpen] = useState(false);
  const [children, setChildren] = useState<{ items: Unit[]; next: string | null } | null>(null);
  const [failure, setFailure] = useState('');
  const hasChildren = unit.tier !== 'village';

  const load = async (after: string | null) => {
    try {
      const page = await fetchChildren(unit.code, after, { language: i18n.language });
      setChildren((previous) => ({ items: [...(after ? previous?.items ?? [] : []), ...page.items], next: page.next }));
      setFailure('');
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  const toggle = () => {
    if (!open && !children) void load(null);
    setOpen(!open);
  };
  useEffect(() => {
    if (!startOpen) return;
    setOpen(true);
    void load(null);
    // The root opens once, when the screen does.
  }, []);

  return (
    <li data-testid="tree-node" data-code={unit.code}>
      <div className="tree-row">
        {hasChildren ? (
          <button type="button" className="tree-toggle" aria-expanded={open} onClick={toggle}
            aria-label={t(open ? 'tree.close' : 'tree.open', { name: unit.name })}>{open ? '▾' : '▸'}</button>
        ) : <span className="tree-toggle" aria-hidden="true" />}
        <button type="button" className="tree-name" aria-current={selected === unit.code ? 'true' : undefined} onClick={() => onSelect(unit)}>
          {unit.name} <span className="muted">{unit.code}</span>
        </button>
      </div>
      {failure && <p className="field-error" role="alert">{failure}</p>}
      {open && children && (
        <ul>
          {children.items.map((child) => <TreeNode key={child.code} unit={child} selected={selected} onSelect={onSelect} />)}
          {children.items.length === 0 && <li className="muted">{t('tree.empty')}</li>}
          {children.next && (
            <li><button type="button" className="btn btn-secondary btn-small" onClick={() => void load(children.next)}>{t('tree.more')}</button></li>
          )}
        </ul>
      )}
    </li>
  );
}
