import { PickingTaskCompleted } from '@bazar/contracts/events/fulfilment';
import { jobSource } from '../app/sources.ts';

/** A picker's finished task: items picked, and the time from the first scan to completion. */
export const pickingTaskCompletedSource = () =>
  jobSource(PickingTaskCompleted, (d) =>
    d.pickerId === null
      ? null
      : {
          jobId: `picking:${d.taskId}`,
          role: 'picker',
          workerId: d.pickerId,
          startedAt: new Date(Date.parse(d.at) - d.pickSeconds * 1000).toISOString(),
          finishedAt: d.at,
          units: d.lines.reduce((n, l) => n + l.picked, 0),
        },
  );
