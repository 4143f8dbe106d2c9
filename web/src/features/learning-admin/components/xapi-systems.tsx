import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf } from '../../../lib/form-errors';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { useResource } from '../../../lib/use-resource';
import { TextField } from '../../../components/ui/text-field';
import { createSystem, disableSystem, fetchSystems, type LearningSystem } from '../api/learning-admin-api';
import { NS } from './learning-admin-i18n';

/** Learning systems (Moodle, Open edX) that report by xAPI: register one (its secret shown once), list, disable. */
export function XapiSystems({ unit, csrfToken }: { unit: string; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [refresh, setRefresh] = useState(0);
  const systems = useResource(`xapi-systems:${unit}`, (signal) => fetchSystems(unit, { language, signal }), refresh);
  const [name, setName] = useState('');
  const [unitCode, setUnitCode] = useState(unit);
  const form = useFormSubmit();
  const { errors, setErrors } = form;
  const [created, setCreated] = useState<(LearningSystem & { secret: string }) | null>(null);

  const create = form.onSubmit({
    validate: (): Record<string, string> => {
      setCreated(null);
      return name.trim() ? {} : { name: t('systems.nameRequired') };
    },
    send: async () => {
      setCreated(await createSystem({ name: name.trim(), unitCode: unitCode.trim() }, { language, csrfToken }));
      setName('');
      setRefresh((n) => n + 1);
    },
    fieldOf: (path) => (path === 'name' || path === 'unitCode' ? path : undefined),
  });
  const disable = async (system: LearningSystem) => {
    if (!window.confirm(t('systems.confirmDisable', { name: system.name }))) return;
    try {
      await disableSystem(system.id, { language, csrfToken });
      setRefresh((n) => n + 1);
    } catch (error) {
      setErrors(formErrorsOf(error, () => undefined));
    }
  };
  const when = (iso: string) => new Date(iso).toLocaleDateString(language === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

  return (
    <div className="stack">
      <form className="panel stack" onSubmit={create} noValidate aria-labelledby="system-new-title">
        <h3 id="system-new-title">{t('systems.new')}</h3>
        <p className="muted">{t('systems.help')}</p>
        <div className="row">
          <TextField label={t('systems.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} />
          <TextField label={t('systems.unit')} value={unitCode} onChange={(e) => setUnitCode(e.target.value)} error={errors.fields.unitCode} />
        </div>
        <p><button type="submit" className="btn btn-primary" disabled={form.busy}>{t('systems.create')}</button></p>
      </form>
      {created && (
        <section className="panel stack" role="status" data-testid="system-secret" aria-labelledby="secret-title">
          <h3 id="secret-title">{t('systems.createdTitle', { name: created.name })}</h3>
          <p>{t('systems.onceOnly')}</p>
          <p>{t('systems.key')}: <span className="secret-once">{created.key}</span></p>
          <p>{t('systems.secret')}: <span className="secret-once">{created.secret}</span></p>
          <p>{t('systems.endpoint')}: <span className="secret-once">{`${window.location.origin}/api/xapi/statements`}</span></p>
        </section>
      )}
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      {systems.error && <p className="error-text" role="alert">{systems.error.message}</p>}
      {systems.data?.items.length === 0 && <p className="muted">{t('systems.none')}</p>}
      <ul className="stack plain-list">
        {systems.data?.items.map((system) => (
          <li key={system.id} className="card" data-testid="xapi-system">
            <h4>{system.name} <small className="muted">{system.disabledAt ? t('systems.disabledOn', { day: when(system.disabledAt) }) : t('systems.active')}</small></h4>
            <p className="muted">{t('systems.line', { key: system.key, unit: system.unitCode, day: when(system.createdAt) })}</p>
            {!system.disabledAt && <button type="button" className="btn btn-quiet" onClick={() => void disable(system)}>{t('systems.disable')}</button>}
          </li>
        ))}
      </ul>
    </div>
  );
}
