#!/usr/bin/env node
// Do `configguard envs`, `check` and `checklist` name the same environment for every file of the wild corpus?
// Plain node, no packages. For each manifest in bench/wild/repos with a checkout under --root (default /work/wild):
//   envs <paths>                        -> path -> class (the first word of the ENVIRONMENT column)
//   checklist <paths> --env E --format json   (E = staging, production): every config it checks must be E by envs,
//                                        and every kustomization.yaml / .env.* / appsettings.*.json that envs calls E
//                                        (not a .local override, not a kind: Component) must be among them
//   check <paths> --format json         -> a finding in a file envs calls staging/production/development/test names
//                                        an environment of that class (findings in base/unknown files are skipped)
//
//   node bench/wild/agree.mjs [--cli <configguard | 'dotnet x.dll'>] [--root /work/wild] [--only id1,id2] [--verbose]
//
// Prints each disagreement and a summary; exit 0 when all agree, 1 when some do not, 2 on usage errors.
// Skips (with the reason) when --root is absent, and a repository whose checkout is missing.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const opts = { root: '/work/wild', cli: null, only: null, verbose: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => { if (i + 1 >= argv.length) { console.error(`agree.mjs: ${a} needs a value`); process.exit(2); } return argv[++i]; };
  if (a === '--cli') opts.cli = next();
  else if (a === '--root') opts.root = next();
  else if (a === '--only') opts.only = new Set(next().split(',').map(s => s.trim()).filter(Boolean));
  else if (a === '--verbose' || a === '-v') opts.verbose = true;
  else { console.error(`agree.mjs: unknown argument ${a}`); process.exit(2); }
}
if (!existsSync(opts.root)) { console.log(`agree.mjs: skipped: no wild corpus checkouts at ${opts.root}`); process.exit(0); }
const cliDefault = join(repoRoot, 'src/ConfigGuard.Cli/bin/Release/net10.0/configguard');
const cliText = opts.cli ?? (existsSync(cliDefault) ? cliDefault : 'configguard');
const cmd = existsSync(cliText) ? [resolve(cliText)] : cliText.trim().split(/\s+/);

function run(cwd, args) {
  const r = spawnSync(cmd[0], [...cmd.slice(1), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  if (r.error) throw new Error(`${args[0]}: ${r.error.message}`);
  return r;
}
const norm = p => String(p || '').replace(/\\/g, '/').replace(/^\.\//, '');

// Environment words -> class, as rules/environments.yaml names them (read from the envs output's own class column).
const classes = ['production', 'staging', 'development', 'test', 'template', 'base', 'unknown'];

function envsMap(cwd, paths) {
  const r = run(cwd, ['envs', ...paths]);
  const map = new Map();
  for (const line of r.stdout.split('\n').slice(1)) {
    const cols = line.trim().split(/\s{2,}/);
    if (cols.length < 3 || cols[0].includes(' ')) continue;
    const cls = cols[1].split(' ')[0];
    if (classes.includes(cls)) map.set(norm(cols[0]), { cls, shown: cols[1] });
  }
  return map;
}

const manifests = readdirSync(join(here, 'repos')).filter(f => f.endsWith('.json')).sort()
  .map(f => JSON.parse(readFileSync(join(here, 'repos', f), 'utf8')))
  .filter(m => !opts.only || opts.only.has(m.id));
let checked = 0, skipped = 0, disagreeing = 0;
const problems = [];
for (const m of manifests) {
  const cwd = join(opts.root, m.id);
  if (!existsSync(cwd)) { skipped++; if (opts.verbose) console.log(`${m.id}: skipped (no checkout)`); continue; }
  const paths = Array.isArray(m.paths) && m.paths.length ? m.paths : ['.'];
  const envs = envsMap(cwd, paths);
  const mine = [];
  for (const env of ['staging', 'production']) {
    const r = run(cwd, ['checklist', ...paths, '--env', env, '--format', 'json']);
    let configs = [];
    try { configs = (JSON.parse(r.stdout).configs || []).map(norm); } catch { mine.push(`checklist --env ${env}: output is not JSON (exit ${r.status})`); continue; }
    const set = new Set(configs);
    for (const c of configs) {
      const e = envs.get(c);
      if (!e) mine.push(`checklist --env ${env} checks ${c}, which envs does not list`);
      else if (e.cls !== env) mine.push(`checklist --env ${env} checks ${c}, which envs calls ${e.shown}`);
    }
    for (const [p, e] of envs) {
      if (e.cls !== env || set.has(p)) continue;
      const name = p.split('/').pop();
      const primary = name === 'kustomization.yaml' || name === 'kustomization.yml' || name === 'Kustomization'
        || /^appsettings\..+\.json$/i.test(name) || (/^\.env\./i.test(name) && !/\.local$/i.test(name));
      // A kind: Component is evaluated through the overlays that include it, never checked alone.
      const isComponent = name.startsWith('kustomization') || name === 'Kustomization'
        ? /^kind:\s*Component\s*$/m.test(readFileSync(join(cwd, p), 'utf8')) : false;
      if (primary && !isComponent) mine.push(`envs calls ${p} ${e.shown}, but checklist --env ${env} does not check it`);
    }
  }
  const check = run(cwd, ['check', ...paths, '--format', 'json']);
  let findings = [];
  try { findings = JSON.parse(check.stdout).findings || []; } catch { mine.push(`check: output is not JSON (exit ${check.status})`); }
  const envClass = new Map();
  for (const [, e] of envs) {
    const name = e.shown.match(/\(([^)]+)\)/)?.[1] ?? e.cls;
    envClass.set(name.toLowerCase(), e.cls);
    envClass.set(e.cls, e.cls);
  }
  for (const f of findings) {
    const e = envs.get(norm(f.path));
    if (!e || !['staging', 'production', 'development', 'test'].includes(e.cls)) continue;
    const said = String(f.environment || '').toLowerCase();
    const saidClass = envClass.get(said);
    if (saidClass && saidClass !== e.cls) mine.push(`check ${f.ruleId} at ${norm(f.path)}:${f.line} names ${f.environment}, but envs calls the file ${e.shown}`);
  }
  checked++;
  if (mine.length) { disagreeing++; for (const p of mine) problems.push(`${m.id}: ${p}`); }
  else if (opts.verbose) console.log(`${m.id}: agree`);
}
for (const p of problems) console.log(p);
console.log(`repositories: ${checked} compared, ${skipped} skipped (no checkout); disagreeing: ${disagreeing}; disagreements: ${problems.length}`);
process.exit(problems.length ? 1 : 0);
