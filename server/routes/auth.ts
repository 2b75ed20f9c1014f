import '@fastify/cookie';
import '@fastify/rate-limit';
import { NoContentSchema } from '../../common/contract/base.ts';
import { LoginBodySchema, StaffReplySchema } from '../../common/contract/staff.ts';
import { SignInRefused } from '../auth/staff-auth.ts';
import { HallError } from '../errors.ts';
import { SESSION_COOKIE } from '../http/auth-hooks.ts';
import type { StaffRecord } from '../store/records.ts';
import { errorReplies, routePlugin, staffProfile } from './route-kit.ts';

export default routePlugin('auth-routes', ['staffAuth', 'store', 'config'], async (app, { staffAuth, store, config }) => {
  const profile = (staff: StaffRecord) => staffProfile(staff, store.windows.byStaff(staff.id));

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: config.auth.loginRatePerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in; sets an httpOnly SameSite=Strict session cookie (423/429 carry Retry-After)',
        body: LoginBodySchema,
        response: { 200: StaffReplySchema, ...errorReplies(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      const { staff, token } = await staffAuth.login(request.body.username.trim(), request.body.password, request.ip).catch((err) => {
        if (err instanceof SignInRefused) reply.header('retry-after', String(err.retryAfterSeconds));
        throw err;
      });
      // A browser-session cookie: the server enforces (and slides) the expiry.
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.auth.secureCookies,
      });
      return { staff: profile(staff) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 204: NoContentSchema } } },
    async (request, reply) => {
      if (request.principal.kind === 'staff') staffAuth.logout(request.principal.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: StaffReplySchema, ...errorReplies(401) } } },
    async (request) => {
      if (request.principal.kind !== 'staff') throw new HallError(401, 'unauthenticated');
      return { staff: profile(request.principal.staff) };
    },
  );
});
