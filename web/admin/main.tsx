import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function AdminApp() {
  return <main>Rebook admin</main>;
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <AdminApp />
    </StrictMode>,
  );
