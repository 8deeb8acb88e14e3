// Reads each packed tarball's file list and package.json and fails (exit 1) on what a registry user would trip over:
// a file that `exports`, `bin` or `types` names but the tarball lacks, build state (tsbuildinfo), a missing
// LICENSE, README or `license` field, or a workspace: range left unreplaced.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2];
const problems = [];
const targetsOf = (exportsField) =>
  typeof exportsField === 'string'
    ? [exportsField]
    : Object.values(exportsField ?? {}).flatMap((value) => (value === null ? [] : targetsOf(value)));

for (const tarball of readdirSync(folder).filter((name) => name.endsWith('.tgz'))) {
  const path = join(folder, tarball);
  const files = new Set(
    execFileSync('tar', ['-tzf', path], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace(/^package\//, '')),
  );
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', path, 'package/package.json'], { encoding: 'utf8' }));
  const say = (problem) => problems.push(`${manifest.name}: ${problem}`);
  for (const target of [...targetsOf(manifest.exports), ...Object.values(manifest.bin ?? {})]) {
    if (!files.has(target.replace(/^\.\//, ''))) say(`${target} is named but not shipped`);
  }
  for (const file of files) if (file.endsWith('.tsbuildinfo')) say(`ships ${file}`);
  for (const file of ['LICENSE', 'README.md']) if (!files.has(file)) say(`has no ${file}`);
  if (manifest.license === undefined) say('has no license field');
  const ranges = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies };
  for (const [name, range] of Object.entries(ranges)) {
    if (String(range).startsWith('workspace:')) say(`depends on ${name}@${range}`);
  }
  console.log(`${manifest.name}@${manifest.version}: ${files.size} files`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
