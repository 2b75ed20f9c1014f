import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestChannel } from '../../devices/request-channel.ts';

describe('RequestChannel', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const written = () => Promise.resolve();

  it('hands a reply to the request waiting for it', async () => {
    const channel = new RequestChannel<number>(100);
    const reply = channel.request(written, 'status');
    await vi.advanceTimersByTimeAsync(10);
    channel.deliver(0x12);
    await expect(reply).resolves.toBe(0x12);
  });

  it('never takes the late reply of a timed-out request as the answer to the next one', async () => {
    const channel = new RequestChannel<number>(100);
    const first = channel.request(written, 'status 1');
    const firstFailed = expect(first).rejects.toThrow('no reply to status 1 within 100 ms');
    await vi.advanceTimersByTimeAsync(100);
    await firstFailed;

    const second = channel.request(written, 'status 2');
    await vi.advanceTimersByTimeAsync(30);
    channel.deliver(0x1a); // the first request's answer, arriving late
    await vi.advanceTimersByTimeAsync(80); // the quiet spell is over: the second request is written
    channel.deliver(0x12);
    await expect(second).resolves.toBe(0x12);
  });

  it('waits out the quiet spell only once after a timeout', async () => {
    const channel = new RequestChannel<number>(100);
    const first = channel.request(written, 'status 1');
    const firstFailed = expect(first).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(100);
    await firstFailed;
    const second = channel.request(written, 'status 2');
    await vi.advanceTimersByTimeAsync(110); // quiet spell, then written and answered
    channel.deliver(2);
    await expect(second).resolves.toBe(2);

    const writes: number[] = [];
    const third = channel.request(async () => void writes.push(Date.now()), 'status 3');
    const asked = Date.now();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toEqual([asked]); // written at once
    channel.deliver(3);
    await expect(third).resolves.toBe(3);
  });
});
