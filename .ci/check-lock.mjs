#!/usr/bin/env node
// Fails when package-lock.json does not match package.json: `npm ci` installs from a lock whose
// root entry is stale without complaint, and `npm install` on a fresh clone then rewrites it.
// Usage: node .ci/check-lock.mjs [project-folder]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
const root = lock.packages?.[''] ?? {};
const problems = [];
for (const field of ['name', 'version']) {
  if (pkg[field] !== root[field]) problems.push(`${field}: package.json has ${JSON.stringify(pkg[field])}, the lock ${JSON.stringify(root[field])}`);
}
if (JSON.stringify(pkg.bin ?? {}) !== JSON.stringify(root.bin ?? {})) problems.push(`bin: package.json has ${JSON.stringify(pkg.bin ?? {})}, the lock ${JSON.stringify(root.bin ?? {})}`);
for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
  const want = pkg[field] ?? {};
  const got = root[field] ?? {};
  for (const name of new Set([...Object.keys(want), ...Object.keys(got)])) {
    if (want[name] !== got[name]) problems.push(`${field}.${name}: package.json has ${want[name] ?? 'nothing'}, the lock ${got[name] ?? 'nothing'}`);
    else if (!lock.packages?.[`node_modules/${name}`]) problems.push(`${field}.${name}: not in the lock's packages`);
  }
}
if (problems.length > 0) {
  console.error(`package-lock.json is out of sync with package.json (run "npm install --package-lock-only" and commit the lock):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('package-lock.json is in sync with package.json');
