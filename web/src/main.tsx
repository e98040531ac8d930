import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { RegisterPage } from './register/RegisterPage.tsx';
import './app/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/^\/register\/?$/.test(window.location.pathname) ? <RegisterPage /> : <App />}
  </StrictMode>,
);
