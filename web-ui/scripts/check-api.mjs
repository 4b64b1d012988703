// Fails when src/lib/api/schema.d.ts no longer matches ../openapi/openapi.json:
// regenerates it into a temporary file and prints the difference. Fix with `npm run gen:api`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const spec = '../openapi/openapi.json';
const committed = 'src/lib/api/schema.d.ts';

if (!existsSync(spec)) {
  console.error(`${spec} does not exist: generate it first (\`make openapi\` at the repository root).`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'kontakt-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', spec, '-o', fresh], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (readFileSync(fresh, 'utf8') === readFileSync(committed, 'utf8')) {
    console.log(`${committed} is up to date with ${spec}.`);
  } else {
    spawnSync('diff', ['-u', committed, fresh], { stdio: 'inherit' });
    console.error(`\n${committed} is stale: run \`npm run gen:api\` in web-ui/ and commit the result.`);
    process.exitCode = 1;
  }
} catch {
  console.error(`openapi-typescript could not read ${spec} (see above).`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
