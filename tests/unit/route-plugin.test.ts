// A route file names the services it uses; Fastify checks them at boot and the routes get only those.
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerServices, type HallContext } from '../../server/context.ts';
import { routePlugin } from '../../server/routes/route-kit.ts';

const apps: ReturnType<typeof Fastify>[] = [];
const newApp = () => {
  const app = Fastify();
  apps.push(app);
  return app;
};
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const probeRoutes = routePlugin('probe-routes', ['now', 'engine'], async (app, services) => {
  app.get('/probe', async () => ({ names: Object.keys(services).sort(), now: services.now() }));
});

describe('routePlugin', () => {
  it('refuses to boot when a service the routes name has not been registered', async () => {
    const app = newApp();
    app.register(probeRoutes);
    await expect(app.ready()).rejects.toThrow("The decorator 'now' required by 'probe-routes' is not present in Fastify");
  });

  it('hands the routes exactly the services they name, from the service plugins', async () => {
    const app = newApp();
    const hall = { now: () => 42, engine: {}, store: {} } as unknown as HallContext;
    await registerServices(app, hall);
    await app.register(probeRoutes);
    const reply = await app.inject({ method: 'GET', url: '/probe' });
    expect(reply.json()).toEqual({ names: ['engine', 'now'], now: 42 });
  });
});
