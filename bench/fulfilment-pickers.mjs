// The simulated pickers of bench:fulfilment, in a thread of their own: pickers are other devices,
// so their HTTP client must not take the server's event loop. Each claims the next task, scans
// every unit by barcode and completes, until the queue answers 404; posts back how many it completed.
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

const { base, tokens } = workerData;

async function call(path, token, body) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

async function pick(token) {
  let completed = 0;
  for (;;) {
    const claimed = await call('/api/v1/picking/tasks/claim', token, {});
    if (claimed.status === 404) return completed;
    if (claimed.status !== 200) throw new Error(`claim → ${claimed.status} ${JSON.stringify(claimed.body)}`);
    const task = claimed.body;
    for (const line of task.lines) {
      for (let unit = 0; unit < line.quantity; unit++) {
        const scanned = await call(`/api/v1/picking/tasks/${task.id}/scan`, token, { code: line.barcode, scanId: randomUUID() });
        if (scanned.status !== 200) throw new Error(`scan → ${scanned.status} ${JSON.stringify(scanned.body)}`);
      }
    }
    const done = await call(`/api/v1/picking/tasks/${task.id}/complete`, token);
    if (done.status !== 200) throw new Error(`complete → ${done.status} ${JSON.stringify(done.body)}`);
    completed++;
  }
}

Promise.all(tokens.map(pick)).then(
  (counts) => parentPort.postMessage({ completed: counts.reduce((a, b) => a + b, 0) }),
  (error) => parentPort.postMessage({ error: String(error) }),
);
