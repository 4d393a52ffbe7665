import { DomainError } from '@bazar/kit/errors';

export const RebuildRunning = () =>
  new DomainError('analytics.rebuild_running', 409, 'A rebuild is already running; figures are replaced when it finishes');
