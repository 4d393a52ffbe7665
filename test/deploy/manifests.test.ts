import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { SERVICES } from '../../apps/server/src/services.ts';
import { CONFIG_SCHEMAS } from '../docs/config-schemas.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const k8s = join(root, 'deploy', 'k8s');

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: manifests are checked field by field below
  spec?: any;
  data?: Record<string, string>;
}

function readDocuments(path: string): Manifest[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${relative(root, path)}: ${doc.errors[0]?.message}`);
    return doc.toJS() as Manifest;
  });
}

/** The files a kustomization lists as resources, followed into nested kustomizations. */
function kustomizeResources(folder: string): { file: string; manifest: Manifest }[] {
  const kustomization = parseYaml(readFileSync(join(folder, 'kustomization.yaml'), 'utf8')) as { resources?: string[] };
  return (kustomization.resources ?? []).flatMap((entry) => {
    const path = join(folder, entry);
    if (!entry.endsWith('.yaml')) return kustomizeResources(path);
    return readDocuments(path).map((manifest) => ({ file: relative(root, path), manifest }));
  });
}

/**
 * Validates against the Kubernetes OpenAPI schemas through kubernetes-models' generated model
 * for the object's apiVersion and kind (an unknown pair is itself a failure).
 */
async function validate(manifest: Manifest) {
  const group = manifest.apiVersion.includes('/') ? manifest.apiVersion : `v1`;
  const models = (await import(`kubernetes-models/${group}`)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = models[manifest.kind];
  if (!Model) throw new Error(`no Kubernetes schema for ${manifest.apiVersion} ${manifest.kind}`);
  new Model(manifest).validate();
}

const base = kustomizeResources(join(k8s, 'base'));
const manifests = base.map((r) => r.manifest);
const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);
const processes = [...SERVICES.map((s) => s.name), 'gateway'];
const secretKeys = /(^DATABASE_URL|^AMQP_URL|^REDIS_URL|TOKEN|PASSWORD|SECRET|_KEY)$/;

function renderOverlay(): Manifest[] | undefined {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const out = execFileSync('kubectl', ['kustomize', join(k8s, 'overlays', 'example')], { encoding: 'utf8' });
  return parseAllDocuments(out).map((d) => {
    const object = d.toJS() as Manifest;
    // kustomize folds long base64 values over lines; the API server's decoder skips the newlines.
    if (object.kind === 'Secret' && object.data) {
      object.data = Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, v.replace(/\s+/g, '')]));
    }
    return object;
  });
}

describe('Kubernetes manifests (kustomize base)', () => {
  it('lists every YAML file of the base in its kustomization', () => {
    const listed = new Set(base.map((r) => r.file));
    const onDisk = (readdirSync(join(k8s, 'base'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.yaml') && !f.endsWith('kustomization.yaml'))
      .map((f) => relative(root, join(k8s, 'base', f)));
    expect(onDisk.filter((f) => !listed.has(f))).toEqual([]);
  });

  it.each(base.map((r) => [`${r.manifest.kind}/${r.manifest.metadata.name}`, r]))(
    '%s is valid against the Kubernetes schema',
    async (_, r) => {
      await validate(r.manifest);
    },
  );

  it.each(processes)('%s has a Deployment serving it, probed on /ready and /health, with resource requests', (name) => {
    const deployment = find('Deployment', name);
    expect(deployment, `Deployment ${name} in deploy/k8s/base`).toBeDefined();
    const pod = deployment?.spec.template;
    expect(pod.metadata.labels).toMatchObject(deployment?.spec.selector.matchLabels);
    const [container] = pod.spec.containers;
    expect(container.args).toEqual(['serve', name]);
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toMatchObject({ path: '/health', port: 'http' });
    expect(container.ports).toContainEqual({ name: 'http', containerPort: 3000 });
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'bazar-config' } }, { secretRef: { name: 'bazar-secrets' } }]);
  });

  it.each(processes)('%s has a Service, an autoscaler and a disruption budget selecting its pods', (name) => {
    const labels = find('Deployment', name)?.spec.template.metadata.labels;
    const service = find('Service', name);
    expect(service?.spec.selector).toBeDefined();
    expect(labels).toMatchObject(service?.spec.selector);
    expect(service?.spec.ports).toContainEqual({ name: 'http', port: 3000, targetPort: 'http' });
    const hpa = find('HorizontalPodAutoscaler', name);
    expect(hpa?.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    expect(hpa?.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const pdb = find('PodDisruptionBudget', name);
    expect(labels).toMatchObject(pdb?.spec.selector.matchLabels);
  });

  it('runs the migrations in a Job with the same configuration', () => {
    const job = find('Job', 'bazar-migrate');
    const [container] = job?.spec.template.spec.containers ?? [];
    expect(container.args).toEqual(['migrate']);
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'bazar-config' } }, { secretRef: { name: 'bazar-secrets' } }]);
  });

  it('keeps secrets out of the ConfigMap, and every key in it is a documented setting or a service URL', () => {
    const data = find('ConfigMap', 'bazar-config')?.data ?? {};
    const documented = new Set(Object.values(CONFIG_SCHEMAS).flatMap((schema) => Object.keys(schema.properties)));
    const urls = new Set(manifests.filter((m) => m.kind === 'Deployment').map((m) => `${m.metadata.name.toUpperCase()}_URL`));
    expect(Object.keys(data).filter((key) => secretKeys.test(key))).toEqual([]);
    expect(Object.keys(data).filter((key) => !documented.has(key) && !urls.has(key))).toEqual([]);
    for (const service of SERVICES) expect(data[`${service.name.toUpperCase()}_URL`]).toBe(`http://${service.name}:3000`);
  });
});

describe('Kubernetes manifests (example overlay)', () => {
  const rendered = renderOverlay();
  it.skipIf(!rendered)('renders with kustomize into valid objects, the generated Secret referenced by every pod', async () => {
    const objects = rendered ?? [];
    for (const object of objects) await validate(object);
    const secret = objects.find((o) => o.kind === 'Secret');
    expect(secret?.metadata.name).toMatch(/^bazar-secrets-/);
    expect(Object.keys(secret?.data ?? {}).sort()).toEqual(
      ['AMQP_URL', 'BAZAR_ADMIN_PASSWORD', 'BAZAR_INTERNAL_TOKEN', 'DATABASE_URL', 'REDIS_URL'].sort(),
    );
    const pods = objects.flatMap((o) => (o.kind === 'Deployment' || o.kind === 'Job' ? [o.spec.template.spec] : []));
    expect(pods.length).toBe(manifests.filter((m) => m.kind === 'Deployment').length + 1);
    for (const pod of pods) {
      expect(pod.containers[0].envFrom).toContainEqual({ secretRef: { name: secret?.metadata.name } });
      expect(pod.containers[0].image).toBe('registry.example.com/bazar:0.1.0');
    }
    expect(objects.every((o) => o.kind === 'Namespace' || (o.metadata as { namespace?: string }).namespace === 'bazar')).toBe(true);
    const orders = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'orders');
    expect(orders?.spec.template.spec.containers[0].resources.requests.cpu).toBe('500m');
  });
});

describe('compose.yaml', () => {
  // Compose files share settings through YAML merge keys (`<<: *service`).
  const compose = parseYaml(readFileSync(join(root, 'deploy', 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, { command?: string[]; environment?: Record<string, string> }>;
  };
  it.each(processes)('runs %s as its own container', (name) => {
    const service = compose.services[name];
    expect(service?.command).toEqual(['serve', name]);
    for (const other of SERVICES) expect(service?.environment?.[`${other.name.toUpperCase()}_URL`]).toBe(`http://${other.name}:3000`);
  });
  it('migrates once before any service starts', () => {
    expect(compose.services.migrate?.command).toEqual(['migrate']);
    for (const name of processes)
      expect(compose.services[name]).toMatchObject({ depends_on: { migrate: { condition: 'service_completed_successfully' } } });
  });
});
