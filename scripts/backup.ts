// `npm run backup`: makes a backup of the hall database now (the server may be running),
// verifies it, rotates the backup folder and prints the new file. See docs/backup.md.
import { join } from 'node:path';
import { loadConfig } from '../server/config/load.ts';
import { makeBackup, rotateBackups } from '../server/ops/backup.ts';
import { backupDir } from '../server/ops/backup-schedule.ts';

const config = loadConfig();
try {
  const file = await makeBackup(join(config.dataDir, 'hall.db'), backupDir(config));
  const removed = rotateBackups(backupDir(config), config.timeZone);
  console.log(`备份已完成并通过校验：${file}`);
  if (removed.length > 0) console.log(`按保留规则删除了 ${removed.length} 个旧备份。`);
} catch (err) {
  console.error(`备份失败：${(err as Error).message}`);
  process.exitCode = 1;
}
