import { Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';

export interface CabinetSection {
  /** Path under the cabinet and i18n key `<cabinet>.<path>`. */
  path: string;
  element: ReactNode;
}

/** A cabinet's frame: its title, a tab per section (each its own URL) and the sections' routes. */
export function CabinetShell({ id, sections, extraRoutes }: { id: string; sections: CabinetSection[]; extraRoutes?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname.split('/')[2] ?? sections[0]?.path;
  return (
    <Stack>
      <Title order={1} fz="h3">
        {t(`cabinet.${id}`)}
      </Title>
      {sections.length > 1 && (
        <Tabs value={current ?? null} onChange={(path) => path && navigate(`/${id}/${path}`)}>
          <Tabs.List>
            {sections.map((s) => (
              <Tabs.Tab key={s.path} value={s.path}>
                {t(`${id}.${s.path}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      <Routes>
        <Route index element={<Navigate to={sections[0]?.path ?? ''} replace />} />
        {sections.map((s) => (
          <Route key={s.path} path={s.path} element={s.element} />
        ))}
        {extraRoutes}
      </Routes>
    </Stack>
  );
}
