import { createContext, useContext } from 'react';
import type { SessionUser, Village } from './session';

/** Who is working and where: set by the app shell once a session and a village are known. */
export interface FieldContextValue {
  user: SessionUser;
  village: Village;
}

export const FieldContext = createContext<FieldContextValue | null>(null);

export function useField(): FieldContextValue {
  const value = useContext(FieldContext);
  if (!value) throw new Error('useField outside the field app shell');
  return value;
}

/** The author fields every outbox item carries. */
export function authorOf(field: FieldContextValue): { userId: string; villageCode: string } {
  return { userId: field.user.id, villageCode: field.village.code };
}
