// Mantine's own styles come before those of its extensions.
import '../../ui/all-styles.ts';
import '@mantine/charts/styles.css';
import './strings.ts';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { BetsSection } from './bets-section.tsx';
import { DashboardSection } from './dashboard-section.tsx';

/** The manager's figures and bets; the charting library loads with this cabinet only. */
export default function AnalyticsCabinet() {
  return (
    <CabinetShell
      id="analytics"
      sections={[
        { path: 'dashboard', element: <DashboardSection /> },
        { path: 'bets', element: <BetsSection /> },
      ]}
    />
  );
}
