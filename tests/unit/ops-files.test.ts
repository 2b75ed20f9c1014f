// The files a technician installs in a hall (ops/, devices/agent/xinfang-agent.service): the
// units pass systemd's own check, the scripts parse, the screen launcher opens the right page
// with the right flags per role, and the install script's dry run does what the README says.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILED_SERVER, SERVER_ENV, SERVER_NODE_ARGS } from '../../scripts/server-build.mjs';

const root = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'ops-files-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const hasCommand = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const canVerify = hasCommand('systemd-analyze') && existsSync('/usr/bin/node');
const run = (file: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(join(root, file), args, { encoding: 'utf8', env: { PATH: process.env.PATH!, HOME: temp, ...env } });

const units = ['ops/systemd/xinfang-hall.service', 'devices/agent/xinfang-agent.service', 'ops/screens/xinfang-screen.service'];

describe('systemd units', () => {
  // Verified as installed: the repository stands in for /opt/xinfang-hall, so ExecStart must exist.
  it.skipIf(!canVerify).each(units)('%s passes systemd-analyze verify (skipped without systemd-analyze or /usr/bin/node)', (unit) => {
    const copy = join(temp, basename(unit));
    writeFileSync(copy, readFileSync(join(root, unit), 'utf8').replaceAll('/opt/xinfang-hall', root));
    const result = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8', cwd: temp });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(units.slice(0, 2))('%s runs hardened, with only the serial ports as devices', (unit) => {
    const lines = readFileSync(join(root, unit), 'utf8').split('\n');
    for (const line of ['NoNewPrivileges=true', 'ProtectSystem=strict', 'ProtectHome=true', 'PrivateTmp=true', 'UMask=0077',
      'DevicePolicy=closed', 'DeviceAllow=char-ttyUSB rw', 'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK'])
      expect(lines).toContain(line);
  });

  it('the hall server unit runs the compiled server as npm start and the benches do', () => {
    const lines = readFileSync(join(root, units[0]!), 'utf8').split('\n');
    const args = SERVER_NODE_ARGS.map((arg) => (arg === COMPILED_SERVER ? '/opt/xinfang-hall/build/server.js' : arg));
    expect(lines).toContain(`ExecStart=/usr/bin/node ${args.join(' ')}`);
    for (const [name, value] of Object.entries(SERVER_ENV)) expect(lines).toContain(`Environment=${name}=${value}`);
  });
});

describe('scripts', () => {
  it.each(['ops/install-server.sh', 'ops/screens/xinfang-screen.sh'])('%s parses', (file) => {
    expect(() => execFileSync('bash', ['-n', join(root, file)])).not.toThrow();
  });
});

describe('screen launcher', () => {
  const printed = (args: string[], env?: Record<string, string>) => {
    const result = run('ops/screens/xinfang-screen.sh', ['--print', ...args], { CHROMIUM: '/usr/bin/chromium', ...env });
    return { status: result.status, words: result.stdout.trim().split(' '), stderr: result.stderr };
  };

  it.each([
    ['kiosk', [], 'http://hall:3000/kiosk/'],
    ['board', [], 'http://hall:3000/display/'],
    ['window', ['3'], 'http://hall:3000/display/?window=3'],
    ['evaluator', ['3'], 'http://hall:3000/display/?window=3&evaluator'],
  ])('%s opens its page full screen with sound and no prompts', (role, extra, url) => {
    const { status, words } = printed([role, 'http://hall:3000/', ...extra]);
    expect(status).toBe(0);
    expect(words[0]).toBe('/usr/bin/chromium');
    expect(words.at(-1)).toBe(url);
    for (const flag of ['--kiosk', '--autoplay-policy=no-user-gesture-required', '--noerrdialogs', '--disable-pinch',
      '--disable-session-crashed-bubble', '--check-for-update-interval=31536000', '--overscroll-history-navigation=0'])
      expect(words).toContain(flag);
    expect(words).toContain(`--user-data-dir=${temp}/.cache/xinfang-screen-${role}`);
    expect(words.includes('--touch-events=enabled')).toBe(role === 'kiosk' || role === 'evaluator');
  });

  it('reads screen.env when no role is given', () => {
    const env = join(temp, 'screen.env');
    writeFileSync(env, 'SERVER=http://10.0.0.2:3000\nROLE=window\nWINDOW=7\n');
    expect(printed([], { XINFANG_SCREEN_ENV: env }).words.at(-1)).toBe('http://10.0.0.2:3000/display/?window=7');
  });

  it('pairs with PAIR on the first start only, and keeps the device token across Chromium restarts', () => {
    const home = mkdtempSync(join(temp, 'screen-'));
    const log = join(home, 'runs.log');
    // A stand-in for Chromium: the first run stores a token in the profile and "crashes"; the second
    // reports what it found, then ends the launcher's loop.
    const fake = join(home, 'chromium');
    writeFileSync(
      fake,
      `#!/bin/sh
profile=$(printf '%s\n' "$@" | sed -n 's/^--user-data-dir=//p')
url=$(printf '%s\n' "$@" | tail -n 1)
if [ ! -e "$profile/token" ]; then
  mkdir -p "$profile/Default"; echo secret > "$profile/token"
  echo '{"profile":{"exited_cleanly":false,"exit_type":"Crashed"}}' > "$profile/Default/Preferences"
  echo "first $url" >> ${log}; exit 1
fi
echo "again $url $(cat "$profile/token") $(cat "$profile/Default/Preferences")" >> ${log}
kill $PPID
`,
    );
    chmodSync(fake, 0o755);
    const result = spawnSync('bash', [join(root, 'ops/screens/xinfang-screen.sh'), 'window', 'http://hall:3000', '3'], {
      env: { PATH: process.env.PATH, HOME: home, CHROMIUM: fake, PAIR: '12345678', XINFANG_SCREEN_ENV: '/nonexistent' },
      timeout: 20_000,
    });
    expect(result.error).toBeUndefined();
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'first http://hall:3000/display/?window=3&pair=12345678',
      'again http://hall:3000/display/?window=3 secret {"profile":{"exited_cleanly":true,"exit_type":"Normal"}}',
    ]);
  });

  it.each([[['window', 'http://hall:3000']], [['desk', 'http://hall:3000']], [['board', 'hall:3000']]])(
    'refuses %j',
    (args) => {
      const { status, stderr } = printed(args, { XINFANG_SCREEN_ENV: '/nonexistent' });
      expect(status).toBe(2);
      expect(stderr).not.toBe('');
    },
  );
});

describe('install script', () => {
  it('--dry-run lists the steps: user in dialout, 0600 env file, UI build, unit, enable and restart', () => {
    const result = run('ops/install-server.sh', ['--dry-run']);
    expect(result.status).toBe(0);
    const steps = result.stdout.trim().split('\n');
    expect(steps.every((s) => s.startsWith('+ '))).toBe(true);
    if (spawnSync('getent', ['passwd', 'xinfang']).status !== 0)
      expect(steps).toContain('+ useradd --system --gid xinfang --home-dir /var/lib/xinfang-hall --no-create-home --shell /usr/sbin/nologin xinfang');
    expect(steps).toContain('+ usermod --append --groups dialout xinfang');
    if (!existsSync('/etc/xinfang-hall/hall.env'))
      expect(steps).toContain(`+ install -m 0600 -o xinfang -g xinfang ${root}/.env.example /etc/xinfang-hall/hall.env`);
    expect(steps.slice(-4)).toEqual([
      `+ install -m 0644 ${root}/ops/systemd/xinfang-hall.service /etc/systemd/system/xinfang-hall.service`,
      '+ systemctl daemon-reload',
      '+ systemctl enable xinfang-hall',
      '+ systemctl restart xinfang-hall',
    ]);
  });
});
