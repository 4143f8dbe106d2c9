import type { SessionUser } from '../../../lib/session';
import { ApprovalsQueue } from './approvals-queue';
import { FiguresForm } from './figures-form';

interface ReportedFiguresProps {
  user: SessionUser;
  csrfToken: string;
  /** /figures (the unit's form) or /figures/approvals (what awaits the officer's approval). */
  path: string;
}

/** Reported figures: a unit enters and submits them; the level above approves or returns them. */
export default function ReportedFiguresApp({ user, csrfToken, path }: ReportedFiguresProps) {
  if (path.startsWith('/figures/approvals')) return <ApprovalsQueue user={user} csrfToken={csrfToken} />;
  return <FiguresForm user={user} csrfToken={csrfToken} />;
}
