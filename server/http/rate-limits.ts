import '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';

/** Route rate limit per client address (the public booking page: nobody signs in there). */
export const perAddressLimit = (max: number) => ({
  rateLimit: { max, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => `ip:${request.ip}` },
});

/**
 * Route rate limit for kiosks: a kiosk serves one person at a time, so a burst means a stuck
 * screen or abuse. Staff are not limited here.
 */
export const perKioskLimit = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) =>
      request.principal.kind === 'device' ? `device:${request.principal.device.id}` : `ip:${request.ip}`,
    allowList: (request: FastifyRequest) => request.principal.kind !== 'device',
  },
});
