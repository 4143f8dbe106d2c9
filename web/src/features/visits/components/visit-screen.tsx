import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Screen } from '../../../components/ui/screen';
import { ToggleButton } from '../../../components/ui/toggle-button';
import { authorOf, useField } from '../../../lib/field-context';
import { navigate } from '../../../lib/navigation';
import { recordVisit, type NewVisit } from '../../../lib/outbox';
import { useReferenceData } from '../../../lib/reference-data';
import { useVillageView, type ResidentView } from '../../../lib/village-view';

const OUTCOMES: NewVisit['outcome'][] = ['guided', 'follow_up', 'not_home', 'refused'];
const helpKey = (residentId: string, milestone: string) => `${residentId} ${milestone}`;
/** The milestone that carries the skills checked with the person ("skills confirmed, guided"). */
const SKILLS_CONFIRMED = 'skills_confirmed';

/**
 * A visit in as few taps as possible: one tap per service per person (tapping a service also
 * marks the person present), one per skill taught, one for the outcome, then save. The visit is
 * written to the phone and leaves with the next sync.
 */
export function VisitScreen({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const field = useField();
  const { milestoneKinds, skills, skillName } = useReferenceData();
  const view = useVillageView(field.village.code, field.user.id, milestoneKinds.map((k) => k.code));
  const [present, setPresent] = useState<Set<string>>(new Set());
  const [help, setHelp] = useState<Set<string>>(new Set());
  const [taught, setTaught] = useState<Set<string>>(new Set());
  // Per person: the skills checked when "skills confirmed" is recorded for them.
  const [checked, setChecked] = useState<Map<string, Set<string>>>(new Map());
  const [outcome, setOutcome] = useState<NewVisit['outcome']>('guided');
  const [notes, setNotes] = useState('');
  const [saving, setSaving] = useState(false);
  const back = `/household/${householdId}`;

  if (!view) return <p className="muted">{t('common.loading')}</p>;
  const household = view.households.find((h) => h.id === householdId);
  if (!household) return <Screen title={t('households.notFound')} back="/"><p>{t('households.notFoundHelp')}</p></Screen>;

  const flip = (set: Set<string>, value: string) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  const toggleHelp = (residentId: string, milestone: string) => {
    const key = helpKey(residentId, milestone);
    if (!help.has(key)) setPresent((set) => new Set(set).add(residentId));
    setHelp((set) => flip(set, key));
  };

  const save = async () => {
    setSaving(true);
    const helpList = [...help].map((key) => {
      const [residentId = '', milestone = ''] = key.split(' ');
      const skillsChecked = milestone === SKILLS_CONFIRMED ? [...(checked.get(residentId) ?? [])] : [];
      return skillsChecked.length > 0 ? { residentId, milestone, skills: skillsChecked } : { residentId, milestone };
    });
    await recordVisit({
      householdId, outcome, notes: notes.trim() || undefined, skillsTaught: [...taught], help: helpList,
      peoplePresent: [...new Set([...present, ...helpList.map((h) => h.residentId)])],
    }, authorOf(field));
    navigate('/', { replace: true });
  };

  return (
    <Screen title={t('visit.title', { household: household.label })} back={back}>
      {household.residents.map((resident) => (
        <PersonServices key={resident.id} resident={resident} present={present.has(resident.id)} helped={(kind) => help.has(helpKey(resident.id, kind))}
          onPresent={() => setPresent((set) => flip(set, resident.id))} onHelp={(kind) => toggleHelp(resident.id, kind)}>
          {help.has(helpKey(resident.id, SKILLS_CONFIRMED)) && (
            <fieldset className="stack plain" data-testid="skills-checked">
              <legend className="label">{t('visit.skillsChecked')}</legend>
              <div className="toggle-grid">
                {skills.map((skill) => (
                  <ToggleButton key={skill.code} pressed={checked.get(resident.id)?.has(skill.code) ?? false} testId={`checked-${skill.code}`}
                    onToggle={() => setChecked((map) => new Map(map).set(resident.id, flip(map.get(resident.id) ?? new Set(), skill.code)))}>
                    {skillName(skill.code)}
                  </ToggleButton>
                ))}
              </div>
            </fieldset>
          )}
        </PersonServices>
      ))}
      <fieldset className="stack plain">
        <legend className="label">{t('visit.skills')}</legend>
        <div className="toggle-grid">
          {skills.map((skill) => (
            <ToggleButton key={skill.code} pressed={taught.has(skill.code)} onToggle={() => setTaught((set) => flip(set, skill.code))} testId={`skill-${skill.code}`}>
              {skillName(skill.code)}
            </ToggleButton>
          ))}
        </div>
      </fieldset>
      <fieldset className="stack plain">
        <legend className="label">{t('visit.outcome')}</legend>
        <div className="toggle-grid">
          {OUTCOMES.map((value) => (
            <ToggleButton key={value} pressed={outcome === value} onToggle={() => setOutcome(value)} testId={`outcome-${value}`}>{t(`outcome.${value}`)}</ToggleButton>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="visit-notes">{t('visit.notes')}</label>
        <textarea id="visit-notes" rows={2} maxLength={1000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <div className="sticky-save">
        <Button wide data-testid="save-visit" disabled={saving} onClick={() => void save()}>{t('visit.save')}</Button>
      </div>
    </Screen>
  );
}

interface PersonServicesProps {
  resident: ResidentView;
  present: boolean;
  helped: (kind: string) => boolean;
  onPresent: () => void;
  onHelp: (kind: string) => void;
  children?: ReactNode;
}

function PersonServices({ resident, present, helped, onPresent, onHelp, children }: PersonServicesProps) {
  const { t } = useTranslation();
  const { milestoneName } = useReferenceData();
  const done = resident.milestones;
  return (
    <div className="card" data-testid="visit-person">
      <strong>{resident.fullName}{resident.birthYear ? ` (${resident.birthYear})` : ''}</strong>
      <ToggleButton pressed={present} onToggle={onPresent}>{t('visit.present')}</ToggleButton>
      {resident.lacking.length > 0 && <p className="label">{t('visit.helpedWith')}</p>}
      <div className="toggle-grid">
        {resident.lacking.map((kind) => (
          <ToggleButton key={kind} pressed={helped(kind)} onToggle={() => onHelp(kind)} testId={`help-${kind}`}>{milestoneName(kind)}</ToggleButton>
        ))}
      </div>
      {children}
      {done.length > 0 && <p className="row-sub">{t('visit.alreadyHas', { list: done.map(milestoneName).join(', ') })}</p>}
    </div>
  );
}
