// `npm run restore -- FILE`: puts a backup in place of the hall database. Refuses a backup that
// fails verification and refuses while the server runs. See docs/backup.md.
import { join } from 'node:path';
import { loadConfig } from '../server/config/load.ts';
import { RestoreRefused, restoreBackup } from '../server/ops/restore.ts';

const file = process.argv[2];
if (!file) {
  console.error('请指定要恢复的备份文件，例如：npm run restore -- data/backups/hall-….db');
  process.exit(2);
}
const config = loadConfig();
try {
  const aside = await restoreBackup(file, join(config.dataDir, 'hall.db'), config.server);
  console.log(`已恢复备份：${file}`);
  if (aside) console.log(`原数据库已另存为：${aside}`);
} catch (err) {
  const why =
    err instanceof RestoreRefused
      ? { unsound: '该文件未通过完整性校验，不是完好的备份。', running: `大厅服务正在端口 ${config.server.port} 上运行，请先停止服务，再恢复。` }[err.reason]
      : (err as Error).message;
  console.error(`未恢复，数据库保持原样：${why}`);
  process.exitCode = 1;
}
