// The ceiling for HTTP benchmarks: a bare Fastify JSON route, same Node, same machine.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/bare', async () => ({
  id: '0190a5d4-0000-7000-8000-000000000000',
  email: 'bare@example.test',
  name: 'Bare',
  phone: null,
  roles: ['customer'],
}));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
