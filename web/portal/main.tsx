import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function PortalApp() {
  return <main>Customer portal</main>;
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <PortalApp />
    </StrictMode>,
  );
