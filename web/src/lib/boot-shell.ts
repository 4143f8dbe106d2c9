/**
 * What index.html painted before the app's script ran (see its inline script): the sign-in form
 * and whatever was typed in it. The sign-in screen reads the form while it renders for the first
 * time, in the same task in which React replaces that markup, so a person who started typing
 * (or pressed "Đăng nhập") on slow 3G loses nothing.
 */
export interface BootLogin {
  username: string;
  password: string;
  /** The form was sent before the app could handle it: the app sends it now. */
  submitted: boolean;
}

/** Set while someone is signed in on this device, so index.html paints "loading" for them, not the sign-in form. */
const SIGNED_IN_HINT = 'doorstep.signedIn';

const paintedForm = () => document.getElementById('boot-login') as HTMLFormElement | null;

let shown: boolean | undefined;
let taken: BootLogin | undefined;

/** Whether index.html showed its sign-in form; decided at the first call (main.tsx makes it before React renders). */
export function bootFormShown(): boolean {
  if (shown === undefined) {
    const form = paintedForm();
    shown = Boolean(form && !form.hidden);
  }
  return shown;
}

/** The painted form's fields, read once (a second render in development gets the same answer). */
export function takeBootLogin(): BootLogin | undefined {
  if (taken || !bootFormShown()) return taken;
  const form = paintedForm();
  if (!form) return undefined;
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
  taken = { username: value('username'), password: value('password'), submitted: form.getAttribute('data-submitted') === '1' };
  return taken;
}

/** Drops the typed password once the sign-in screen holds it: nothing keeps it longer. */
export function forgetBootLogin(): void {
  if (taken) taken = { ...taken, password: '', submitted: false };
}

export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage refused (a private window): index.html then paints the sign-in form, which the app corrects.
  }
}
