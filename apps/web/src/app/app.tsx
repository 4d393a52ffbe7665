import '../ui/storefront-styles.ts';
import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { i18n } from '../i18n/i18n.ts';
import { SessionProvider } from '../session/session.tsx';
import { PreferencesProvider } from './preferences.tsx';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';

// Shade 8 keeps white text on filled buttons above WCAG AA contrast.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'md',
  // Status badges are a coloured dot beside body-coloured text: readable whatever the colour.
  components: { Badge: { defaultProps: { variant: 'dot' } } },
});
// Mantine's dimmed grey is below 4.5:1 on white; one shade darker passes.
const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <PreferencesProvider>
              <RouterProvider router={router} />
            </PreferencesProvider>
          </SessionProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
