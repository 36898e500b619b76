// Mantine's stylesheet per component (ADR 0040's budget): what the public pages and the shell use;
// signed-in screens add theirs (src/ui/lazy-styles.ts, in their lazy chunks).
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/VisuallyHidden.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Burger.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Card.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Pagination.css';
import '@mantine/core/styles/NavLink.css';
import '@mantine/core/styles/AppShell.css';
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
import { I18nProvider, initialLocale } from './i18n/i18n';
import { loadMessages } from './i18n/locales';
import { router } from './router';

// Colours chosen for WCAG AA contrast (axe: 0 serious violations) on white and on light fills.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, fontFamily: 'system-ui, "Noto Sans", "DejaVu Sans", sans-serif' });

const [config] = await Promise.all([loadConfig(), loadMessages(initialLocale())]);
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
