/**
 * What index.html painted before the app's script ran (see its inline script): the sign-in form
 * and whatever was typed in it. The app reads it once, before React replaces that markup, so a
 * person who started typing (or pressed "Đăng nhập") on slow 3G loses nothing.
 */
export interface BootLogin {
  username: string;
  password: string;
  /** The form was sent before the app could handle it: the app sends it now. */
  submitted: boolean;
}

/** Set while someone is signed in on this device, so index.html paints "loading" for them, not the sign-in form. */
const SIGNED_IN_HINT = 'doorstep.signedIn';

let boot: BootLogin | undefined;
let read = false;

/** The painted form's state, read once (later calls answer the same); undefined when it was not shown. */
export function bootLogin(doc: Document = document): BootLogin | undefined {
  if (read) return boot;
  read = true;
  const form = doc.getElementById('boot-login') as HTMLFormElement | null;
  if (!form || form.hidden) return undefined;
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
  boot = { username: value('username'), password: value('password'), submitted: form.getAttribute('data-submitted') === '1' };
  return boot;
}

/** Hands the typed password over once: it is not kept in memory longer than the app needs it. */
export function takeBootPassword(): BootLogin | undefined {
  const taken = boot;
  if (boot) boot = { ...boot, password: '', submitted: false };
  return taken;
}

export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage refused (a private window): index.html then paints the sign-in form, which the app corrects.
  }
}
