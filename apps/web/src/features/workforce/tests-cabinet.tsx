import './strings.ts';
import { Route } from 'react-router';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { MyProfile } from './my-profile.tsx';
import { TakeTest } from './take-test.tsx';
import { TestList } from './test-list.tsx';

/** A candidate's cabinet, phone-first: the tests to take, the timed attempt, and (once a worker) where they work. */
export default function TestsCabinet() {
  return (
    <CabinetShell
      id="tests"
      sections={[
        { path: 'list', element: <TestList /> },
        { path: 'profile', element: <MyProfile /> },
      ]}
      extraRoutes={<Route path="take/:id" element={<TakeTest />} />}
    />
  );
}
