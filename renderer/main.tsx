// Renderer entry: sets up the language, then mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import { App } from './app.tsx';
import { setUpLocale } from './messages/locale-setup.ts';
import './styles.css';

// The language is chosen, and its catalogue loaded, before anything is shown.
const translator = await setUpLocale();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <IntlProvider locale={translator.locale} defaultLocale="en" messages={translator.intl.messages} onError={() => undefined}>
        <App />
      </IntlProvider>
    </StrictMode>,
  );
}
