// Entry of the web app: mounts the shell. Everything heavy happens in the analyze worker.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './index.css';
import { registerServiceWorker } from './offline/register.ts';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Production builds keep working offline once loaded (public/sw.js).
registerServiceWorker();
