import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import './index.css';
import { App } from './App';
import { captureTokenFromUrl } from './app/env';
import { makeStore } from './app/store';

captureTokenFromUrl(); // before any request: the Electron shell passes the API token in the URL
const store = makeStore({ restoreSeq: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider store={store}>
      <App />
    </Provider>
  </StrictMode>,
);
