import type { WorkerWithName } from '../db/worker-repo.ts';

/** The `worker` of CONTRACT.md, plus where they are and their rating's count. */
export const workerView = (w: WorkerWithName) => ({
  id: w.userId,
  name: w.name ?? '',
  skills: w.skills,
  city: w.city,
  lat: w.lat,
  lon: w.lon,
  available: w.available,
  rating: w.ratingCount > 0 ? Math.round((w.ratingSum / w.ratingCount) * 100) / 100 : null,
  ratingCount: w.ratingCount,
  openJobs: w.openJobs,
  qualifiedAt: w.qualifiedAt.toISOString(),
});
