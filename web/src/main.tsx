import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n';
import './styles.css';
import { App } from './app/app';
import { registerServiceWorker } from './app/register-service-worker';
import { bootFormShown } from './lib/boot-shell';

// Whether index.html painted its sign-in form, noted before React replaces that markup.
bootFormShown();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
