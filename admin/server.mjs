// `invoke admin`: the built site and the web editor's local backend on one
// origin, for development and the browser tests. The backend is decap-server's
// own git middleware: posts are committed to local branches in the editorial
// workflow (cms/<form>/<slug>) and merged into the current branch when
// published, exactly as on GitHub, only without sign-in. Listens on loopback.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import express from 'express';
import middlewares from 'decap-server/dist/middlewares.js';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'output' },
    repo: { type: 'string', default: '.' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8081' },
    'allow-dirty': { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'warn' },
  },
});

const site = path.resolve(values.site);
const repo = path.resolve(values.repo);
if (!existsSync(path.join(site, 'admin', 'index.html'))) {
  console.error(`${path.join(site, 'admin', 'index.html')} is missing: build the site first (invoke build).`);
  process.exit(2);
}
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repo, encoding: 'utf8' });
if (dirty.trim() && !values['allow-dirty']) {
  console.error(
    `${repo} has uncommitted changes; the editor's local backend commits with 'git add .' ` +
      'on its own branches. Commit or stash them first (or pass --allow-dirty).\n' + dirty,
  );
  process.exit(2);
}
process.env.GIT_REPO_DIRECTORY = repo;
const app = express();
app.disable('x-powered-by');
await middlewares.registerLocalGit(app, { logLevel: values['log-level'] });
app.use(express.static(site, { extensions: ['html'], index: ['index.html'] }));
const server = app.listen(Number(values.port), values.host, () => {
  const { port } = server.address();
  console.log(`Ruang Redaksi: http://${values.host}:${port}/admin/ (repository ${repo})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
