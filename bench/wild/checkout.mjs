#!/usr/bin/env node
// Makes the checkouts score.mjs runs on: one per manifest in bench/wild/repos/, at the manifest's commit, under --root.
// Plain node, no packages; it only runs git.
//
//   node bench/wild/checkout.mjs [--root /work/wild] [--mirror '/work/.mirror/{owner}+{name}/repo'] [--only id1,id2]
//                                [--kind env,appsettings] [--clone]
//
// With --mirror (a git directory per repository, {owner}/{name} substituted) it adds a detached worktree of the mirror;
// files whose blobs the mirror lacks (large media left out of a snapshot) are skipped, config files are never among them.
// With --clone and no mirror it clones https://github.com/<repo> without blobs and checks out the commit.
// An existing checkout is left alone.
import { readFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const o = { root: '/work/wild', mirror: null, only: null, kind: null, clone: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i], v = () => argv[++i];
  if (a === '--root') o.root = v(); else if (a === '--mirror') o.mirror = v();
  else if (a === '--only') o.only = new Set(v().split(',')); else if (a === '--kind') o.kind = v().split(',');
  else if (a === '--clone') o.clone = true;
  else { console.error(`checkout.mjs: unknown argument ${a}`); process.exit(2); }
}

function git(args, opts = {}) {
  const r = spawnSync('git', args, { maxBuffer: 1 << 30, ...opts });
  if (r.status !== 0 && !opts.allowFail) throw new Error(`git ${args.join(' ')}: ${(r.stderr || '').toString().trim().split('\n')[0]}`);
  return r;
}

// Check out every tracked path whose blob is present; report how many were skipped.
function checkoutPresent(dir) {
  git(['reset', '-q'], { cwd: dir, allowFail: true });
  const entries = git(['ls-files', '-s', '-z'], { cwd: dir }).stdout.toString('utf8').split('\0').filter(Boolean)
    .map(e => { const [meta, path] = e.split('\t'); const [mode, sha] = meta.split(' '); return { mode, sha, path }; })
    .filter(e => e.mode !== '160000');
  const types = git(['cat-file', '--batch-check=%(objecttype)'], { cwd: dir, input: entries.map(e => e.sha).join('\n') + '\n' })
    .stdout.toString().split('\n');
  const ok = entries.filter((e, i) => types[i] === 'blob').map(e => e.path);
  for (let i = 0; i < ok.length; i += 500)
    git(['checkout', '-q', '--pathspec-from-file=-', '--pathspec-file-nul', '--'], { cwd: dir, input: ok.slice(i, i + 500).join('\0') });
  return entries.length - ok.length;
}

mkdirSync(o.root, { recursive: true });
for (const f of readdirSync(join(here, 'repos')).filter(f => f.endsWith('.json')).sort()) {
  const m = JSON.parse(readFileSync(join(here, 'repos', f), 'utf8'));
  if (o.only && !o.only.has(m.id)) continue;
  if (o.kind && !o.kind.includes(m.kind)) continue;
  const dir = join(o.root, m.id);
  if (existsSync(join(dir, '.git'))) { console.log(`${m.id}: exists`); continue; }
  const [owner, name] = m.repo.split('/');
  try {
    const mirror = o.mirror && o.mirror.replace('{owner}', owner).replace('{name}', name);
    if (mirror && existsSync(mirror)) {
      git(['--git-dir', mirror, 'worktree', 'add', '-q', '--no-checkout', '--detach', dir, m.commit]);
    } else if (o.clone) {
      git(['clone', '-q', '--no-checkout', '--filter=blob:none', `https://github.com/${m.repo}.git`, dir]);
      git(['checkout', '-q', '--detach', m.commit], { cwd: dir });
      console.log(`${m.id}: cloned at ${m.commit.slice(0, 12)}`); continue;
    } else { console.log(`${m.id}: no mirror (pass --clone to clone from GitHub)`); continue; }
    const skipped = checkoutPresent(dir);
    console.log(`${m.id}: checked out at ${m.commit.slice(0, 12)}${skipped ? ` (${skipped} files absent from the snapshot)` : ''}`);
  } catch (e) { console.log(`${m.id}: FAILED ${e.message}`); }
}
