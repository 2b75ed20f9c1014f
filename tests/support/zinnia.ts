// Handwriting is recognised by Debian's zinnia with the Tegaki model (docs/handwriting.md). The
// tests that need the real recogniser run where it is installed; `.ci/run` installs it and sets
// HALL_TEST_REQUIRE_ZINNIA=1, so on CI they always run (and fail if it went missing).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const ZINNIA = { command: 'zinnia', model: '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model' };

export const zinniaAvailable =
  process.env.HALL_TEST_REQUIRE_ZINNIA === '1' ||
  (existsSync(ZINNIA.model) && spawnSync('sh', ['-c', `command -v ${ZINNIA.command}`]).status === 0);
