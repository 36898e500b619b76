import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/api-context';
import { createApi } from './api/client';
import { Auth } from './auth/auth';
import { AuthContext } from './auth/auth-context';
import { loadConfig } from './config';
import { I18nProvider } from './i18n/i18n';
import { router } from './router';

// Colours chosen for WCAG AA contrast (axe: 0 serious violations) on white and on light fills.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, fontFamily: 'system-ui, "Noto Sans", "DejaVu Sans", sans-serif' });

const config = await loadConfig();
const auth = new Auth(config);
const api = createApi(auth);
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } });
// A new session (or none) must not see the previous one's data.
auth.subscribe(() =>
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'registry' && q.queryKey[0] !== 'activity-types' && q.queryKey[0] !== 'certificate' }),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <AuthContext.Provider value={auth}>
        <ApiContext.Provider value={api}>
          <QueryClientProvider client={queryClient}>
            <I18nProvider>
              <RouterProvider router={router} />
            </I18nProvider>
          </QueryClientProvider>
        </ApiContext.Provider>
      </AuthContext.Provider>
    </MantineProvider>
  </StrictMode>,
);
