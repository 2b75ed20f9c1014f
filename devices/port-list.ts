// The serial ports of this machine: serialport's list (which needs `udevadm`), or, where udev
// is missing, what `/dev` shows: `/dev/serial/by-id/*` links and `ttyS*`, `ttyUSB*`, `ttyACM*`.
import { readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';

export interface ListedPort {
  path: string;
  /** Manufacturer and USB ids from udev, or the stable `/dev/serial/by-id/` name. */
  detail: string;
}

export type UdevList = () => Promise<{ path: string; manufacturer?: string; vendorId?: string; productId?: string }[]>;

const DEVICE_NAME = /^tty(S|USB|ACM)\d+$/;

/** Ports found under `devDir` without udev; a by-id link names the device it points at. */
async function scanDevPorts(devDir = '/dev'): Promise<ListedPort[]> {
  const names = await readdir(devDir).catch(() => [] as string[]);
  const ports = names
    .filter((name) => DEVICE_NAME.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => ({ path: join(devDir, name), detail: '' }));
  const byIdDir = join(devDir, 'serial', 'by-id');
  for (const link of (await readdir(byIdDir).catch(() => [] as string[])).sort()) {
    const target = await realpath(join(byIdDir, link)).catch(() => null);
    const port = ports.find((p) => p.path === target);
    if (port) port.detail = join(byIdDir, link);
    else ports.push({ path: join(byIdDir, link), detail: '' });
  }
  return ports;
}

/** udev's list when it works, else the `/dev` scan; `viaUdev` says which. */
export async function listPorts(udevList: UdevList, devDir = '/dev'): Promise<{ ports: ListedPort[]; viaUdev: boolean }> {
  try {
    const found = await udevList();
    return {
      viaUdev: true,
      ports: found.map((p) => ({ path: p.path, detail: [p.manufacturer, p.vendorId && `${p.vendorId}:${p.productId ?? ''}`].filter(Boolean).join(' ') })),
    };
  } catch {
    return { viaUdev: false, ports: await scanDevPorts(devDir) };
  }
}
