import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { fetchBanks, fetchFramework, fetchSkillChecks } from '../api/learning-admin-api';
import { NS } from './learning-admin-i18n';
import { SkillCheckForm } from './skill-check-form';

/** "Kiểm tra kỹ năng": the check of every skill of the framework, each set on its own form. */
export function SkillChecksPanel({ province, csrfToken }: { province: string; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [refresh, setRefresh] = useState(0);
  const framework = useResource('framework', (signal) => fetchFramework({ language, signal }));
  const settings = useResource('skill-check-settings', (signal) => fetchSkillChecks({ language, signal }), refresh);
  const banks = useResource(`banks:${province}`, (signal) => fetchBanks(province, { language, signal }));
  const failed = framework.error ?? settings.error ?? banks.error;

  if (failed) return <p className="error-text" role="alert">{failed.message}</p>;
  if (!framework.data || !settings.data || !banks.data) return <p className="muted" role="status">{t('loading')}</p>;
  return (
    <div className="stack" data-testid="skill-checks-panel">
      <p className="muted">{t('checks.help')}</p>
      {banks.data.items.length === 0 && <p className="muted">{t('checks.noBanks')}</p>}
      {framework.data.skills.map((skill) => (
        <SkillCheckForm key={skill.code} skill={{ code: skill.code, name: language === 'en' ? skill.nameEn : skill.nameVi }}
          setting={settings.data!.items.find((s) => s.skillCode === skill.code)} banks={banks.data!.items} csrfToken={csrfToken}
          onSaved={() => setRefresh((n) => n + 1)} />
      ))}
    </div>
  );
}
