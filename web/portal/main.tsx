import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readBootstrap } from './bootstrap';
import { startI18n } from './i18n';
import { PortalApp } from './portal-app';
import './portal.css';

const bootstrap = readBootstrap();
document.documentElement.lang = bootstrap.language;
const root = document.getElementById('root');
if (root)
  void startI18n(bootstrap.language, bootstrap.messages).then(() =>
    createRoot(root).render(
      <StrictMode>
        <PortalApp bootstrap={bootstrap} />
      </StrictMode>,
    ),
  );
