#!/usr/bin/env node
// Scores ConfigGuard on the wild corpus (bench/wild/repos/*.json, format in the project's WILD notes / README here).
// Plain node, no packages: it only spawns the CLI and compares its JSON findings with the labels.
//
//   node bench/wild/score.mjs [--cli <configguard binary | 'dotnet path/to/configguard.dll'>] [--root /work/wild]
//                             [--only id1,id2] [--kind env,appsettings,kustomize,mixed] [--json] [--verbose]
//
// Matching (per finding): a labelled mistake with the same file, line and rule -> true;
// else a verdict with the same file, line and rule -> its verdict (true | false | debatable);
// else a trap at the same file:line -> false (whatever the rule); else "unjudged".
// Precision = true / (true + false); debatable and unjudged are shown beside it, never in it.
// Recall of mistakes: "any" = some finding (any rule) at the mistake's file:line; "rule" = one of the expected rule.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

function parseArgs(argv) {
  const o = { root: '/work/wild', cli: null, only: null, kind: null, json: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) die(`${a} needs a value`); return argv[++i]; };
    if (a === '--cli') o.cli = next();
    else if (a === '--root') o.root = next();
    else if (a === '--only') o.only = new Set(next().split(',').map(s => s.trim()).filter(Boolean));
    else if (a === '--kind') o.kind = next();
    else if (a === '--json') o.json = true;
    else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a === '--help' || a === '-h') { console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 13).join('\n')); process.exit(0); }
    else die(`unknown argument ${a}`);
  }
  return o;
}
function die(msg) { console.error(`score.mjs: ${msg}`); process.exit(2); }

function defaultCli() {
  const built = join(repoRoot, 'src/ConfigGuard.Cli/bin/Release/net10.0/configguard');
  return existsSync(built) ? built : 'configguard';
}
// "dotnet x.dll" or a path with spaces in quotes: split on whitespace unless the whole string is an existing file.
function cliCommand(cli) {
  if (existsSync(cli)) return [resolve(cli)];
  const parts = cli.trim().split(/\s+/);
  return parts.map((p, i) => (i > 0 && existsSync(p) ? resolve(p) : p));
}

function loadManifests(opts) {
  const dir = join(here, 'repos');
  const out = [];
  for (const f of readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
    let m;
    try { m = JSON.parse(readFileSync(join(dir, f), 'utf8')); }
    catch (e) { console.error(`score.mjs: ${f}: not valid JSON (${e.message}); skipped`); continue; }
    if (!m.id) m.id = f.replace(/\.json$/, '');
    if (opts.only && !opts.only.has(m.id)) continue;
    if (opts.kind && !opts.kind.split(',').includes(m.kind)) continue;
    for (const k of ['mistakes', 'traps', 'verdicts']) if (!Array.isArray(m[k])) m[k] = [];
    if (!Array.isArray(m.paths) || m.paths.length === 0) m.paths = ['.'];
    out.push(m);
  }
  return out;
}

function runCli(cmd, cwd, paths) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], [...cmd.slice(1), 'check', ...paths, '--format', 'json'],
    { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) return { ok: false, ms, why: r.error.message };
  if (r.status !== 0 && r.status !== 1) return { ok: false, ms, why: `exit ${r.status ?? r.signal}: ${(r.stderr || '').trim().split('\n').slice(0, 3).join(' | ')}` };
  try {
    const j = JSON.parse(r.stdout);
    return { ok: true, ms, exit: r.status, findings: j.findings || [], notices: j.notices || [] };
  } catch (e) { return { ok: false, ms, why: `output is not JSON (${e.message})` }; }
}

const norm = p => String(p || '').replace(/\\/g, '/').replace(/^\.\//, '');
const at = (file, line) => `${norm(file)}:${line ?? ''}`;

function judge(m, f) {
  const file = norm(f.path), line = f.line, rule = f.ruleId;
  if (m.mistakes.some(x => norm(x.file) === file && x.line === line && x.rule === rule)) return 'true';
  const v = m.verdicts.find(x => norm(x.file) === file && x.line === line && x.rule === rule);
  if (v) return ['true', 'false', 'debatable'].includes(v.verdict) ? v.verdict : 'unjudged';
  if (m.traps.some(x => norm(x.file) === file && x.line === line)) return 'false';
  return 'unjudged';
}

function tally() { return { findings: 0, errors: 0, all: { true: 0, false: 0, debatable: 0, unjudged: 0 }, err: { true: 0, false: 0, debatable: 0, unjudged: 0 }, mistakes: 0, foundAny: 0, foundRule: 0 }; }
function add(t, f, verdict) {
  t.findings++; t.all[verdict]++;
  if (f.severity === 'error') { t.errors++; t.err[verdict]++; }
}
const prec = c => (c.true + c.false === 0 ? null : c.true / (c.true + c.false));
const fmt = x => (x === null || x === undefined ? '  -  ' : x.toFixed(2));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const cmd = cliCommand(opts.cli || defaultCli());
  const repos = loadManifests(opts);
  if (repos.length === 0) die('no repository manifests matched');

  const perRule = new Map(), perRepo = [], unjudged = [], missed = [], crashes = [];
  const total = tally();
  const ruleT = r => { if (!perRule.has(r)) perRule.set(r, tally()); return perRule.get(r); };

  for (const m of repos) {
    const cwd = join(opts.root, m.id);
    const row = { id: m.id, kind: m.kind, status: 'ok', ms: 0, t: tally(), cleanLabel: m.mistakes.length === 0 };
    perRepo.push(row);
    if (!existsSync(cwd)) { row.status = 'no checkout'; continue; }
    const res = runCli(cmd, cwd, m.paths);
    row.ms = res.ms;
    if (!res.ok) { row.status = 'crash'; crashes.push({ id: m.id, why: res.why }); continue; }
    for (const f of res.findings) {
      const v = judge(m, f);
      add(row.t, f, v); add(total, f, v); add(ruleT(f.ruleId), f, v);
      if (v === 'unjudged') unjudged.push({ repo: m.id, file: norm(f.path), line: f.line, rule: f.ruleId, severity: f.severity, key: f.key, message: f.message });
      if (opts.verbose) console.error(`${m.id} ${norm(f.path)}:${f.line} ${f.ruleId} ${f.severity} -> ${v}`);
    }
    for (const x of m.mistakes) {
      const hits = res.findings.filter(f => norm(f.path) === norm(x.file) && f.line === x.line);
      const any = hits.length > 0, exact = hits.some(f => f.ruleId === x.rule);
      for (const t of [row.t, total, ruleT(x.rule)]) { t.mistakes++; if (any) t.foundAny++; if (exact) t.foundRule++; }
      if (!exact) missed.push({ repo: m.id, file: x.file, line: x.line, rule: x.rule, what: x.what, reportedAs: [...new Set(hits.map(h => h.ruleId))] });
    }
  }

  const ran = perRepo.filter(r => r.status === 'ok');
  const summary = {
    cli: cmd.join(' '), root: opts.root, repos: repos.length, ran: ran.length,
    noCheckout: perRepo.filter(r => r.status === 'no checkout').map(r => r.id), crashes,
    total: view(total),
    cleanRepos: ran.filter(r => r.cleanLabel).length,
    cleanReposWithoutFalseError: ran.filter(r => r.cleanLabel && r.t.err.false === 0 && r.t.err.unjudged === 0).length,
    reposWithoutFalseError: ran.filter(r => r.t.err.false === 0).length,
    maxMs: Math.round(Math.max(0, ...ran.map(r => r.ms))),
    rules: Object.fromEntries([...perRule.keys()].sort().map(k => [k, view(perRule.get(k))])),
    perRepo: Object.fromEntries(perRepo.map(r => [r.id, { kind: r.kind, status: r.status, ms: Math.round(r.ms), ...view(r.t) }])),
    unjudged, missed,
  };
  if (opts.json) { process.stdout.write(JSON.stringify(summary, null, 2) + '\n'); return; }
  print(summary, perRule, perRepo, total);
}

function view(t) {
  return {
    findings: t.findings, errors: t.errors,
    all: { ...t.all, precision: prec(t.all) }, err: { ...t.err, precision: prec(t.err) },
    mistakes: t.mistakes, recallAny: t.mistakes ? t.foundAny / t.mistakes : null, recallRule: t.mistakes ? t.foundRule / t.mistakes : null,
  };
}

function print(s, perRule, perRepo, total) {
  const head = `${pad('', 26)} ${lpad('errors', 6)} ${lpad('T', 4)} ${lpad('F', 4)} ${lpad('D', 4)} ${lpad('?', 4)} ${lpad('P(err)', 6)} | ${lpad('all', 5)} ${lpad('T', 4)} ${lpad('F', 4)} ${lpad('D', 4)} ${lpad('?', 4)} ${lpad('P(all)', 6)} | ${lpad('mist', 4)} ${lpad('R(any)', 6)} ${lpad('R(rule)', 7)}`;
  const line = (name, t) => `${pad(name, 26)} ${lpad(t.errors, 6)} ${lpad(t.err.true, 4)} ${lpad(t.err.false, 4)} ${lpad(t.err.debatable, 4)} ${lpad(t.err.unjudged, 4)} ${lpad(fmt(prec(t.err)), 6)} | ${lpad(t.findings, 5)} ${lpad(t.all.true, 4)} ${lpad(t.all.false, 4)} ${lpad(t.all.debatable, 4)} ${lpad(t.all.unjudged, 4)} ${lpad(fmt(prec(t.all)), 6)} | ${lpad(t.mistakes, 4)} ${lpad(fmt(t.mistakes ? t.foundAny / t.mistakes : null), 6)} ${lpad(fmt(t.mistakes ? t.foundRule / t.mistakes : null), 7)}`;
  console.log(`cli: ${s.cli}\nroot: ${s.root}  repositories: ${s.repos} (ran ${s.ran})\n`);
  console.log('T true, F false, D debatable, ? unjudged; P = T/(T+F); R = mistakes reported at their file:line (by any rule / by the expected rule)\n');
  console.log('per rule'); console.log(head);
  for (const k of [...perRule.keys()].sort()) console.log(line(k, perRule.get(k)));
  console.log(line('TOTAL', total));
  console.log('\nper repository'); console.log(head);
  for (const r of perRepo) console.log(line(`${r.id.slice(0, 20)}${r.status === 'ok' ? '' : ' [' + r.status + ']'}`.slice(0, 26), r.t));
  console.log(`\nlabelled clean: ${s.cleanRepos}, of which with no false or unjudged error: ${s.cleanReposWithoutFalseError}; repositories with no false error: ${s.reposWithoutFalseError}/${s.ran}; slowest run ${s.maxMs} ms`);
  if (s.noCheckout.length) console.log(`no checkout under ${s.root}: ${s.noCheckout.join(', ')}`);
  for (const c of s.crashes) console.log(`CRASH ${c.id}: ${c.why}`);
  if (s.missed.length) {
    console.log(`\nmistakes not reported by their rule (${s.missed.length})`);
    for (const x of s.missed) console.log(`  ${x.repo} ${x.file}:${x.line} ${x.rule}${x.reportedAs.length ? ' (reported as ' + x.reportedAs.join(',') + ')' : ''}: ${x.what}`);
  }
  if (s.unjudged.length) {
    console.log(`\nunjudged findings (${s.unjudged.length}): add a verdict for each`);
    for (const u of s.unjudged) console.log(`  ${u.repo} ${u.file}:${u.line} ${u.rule} ${u.severity}${u.key ? ' ' + u.key : ''}: ${u.message}`);
  }
}

main();
