import './strings.ts';
import { Route } from 'react-router';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { ManagerTestsSection, NewTestPage, TestPage } from './manager-tests-section.tsx';
import { WorkerProfilePage, WorkersSection } from './workers-section.tsx';

/** The manager's workforce: qualification tests (editor and results) and the workers. */
export default function WorkforceCabinet() {
  return (
    <CabinetShell
      id="workforce"
      sections={[
        { path: 'tests', element: <ManagerTestsSection /> },
        { path: 'workers', element: <WorkersSection /> },
      ]}
      extraRoutes={
        <>
          <Route path="tests/new" element={<NewTestPage />} />
          <Route path="tests/:id" element={<TestPage />} />
          <Route path="workers/:id" element={<WorkerProfilePage />} />
        </>
      }
    />
  );
}
