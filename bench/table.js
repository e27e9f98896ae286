// Prints bench/run.sh's table from its samples ("LABEL/TOOL cpu wall rssKB exit" lines): medians per label and tool.
const fs = require("fs");
const [file, capText] = process.argv.slice(2);
const cap = Number(capText);
const rows = new Map();
for (const line of fs.readFileSync(file, "utf8").trim().split("\n")) {
  const [id, cpu, wall, rss, exit] = line.split(" ");
  const [label, tool] = id.split("/");
  if (!rows.has(label)) rows.set(label, {});
  const r = rows.get(label);
  (r[tool] ??= []).push({ cpu: +cpu, wall: +wall, rss: +rss, exit: +exit });
}
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const stat = runs => runs && { cpu: median(runs.map(r => r.cpu)), wall: median(runs.map(r => r.wall)), rss: Math.max(...runs.map(r => r.rss)), n: runs.length, exit: runs[0].exit };
const s = x => x < 1 ? `${(x * 1000).toFixed(0)} ms` : `${x.toFixed(2)} s`;
const what = {
  "mono-14000": "`check`, 14,000-file monorepo (git checkout)", "mono-14000-nogit": "same tree, not a git checkout",
  "staged": "`check --staged`, 5 staged files in it", "version": "`--version` (start-up)",
  "files-1000": "scaling: 1,000 files", "files-10000": "scaling: 10,000 files", "files-100000": "scaling: 100,000 files",
  "per-folder-10": "per folder: 10 `.env` files in one folder", "per-folder-1000": "per folder: 1,000 `.env` files in one folder",
  "per-folder-10000": "per folder: 10,000 `.env` files in one folder", "overlays-1000": "1,000 overlays of one base",
};
console.log("| what | ConfigGuard CPU (wall) | peak RSS | anchor | anchor CPU (wall) | ratio (CPU) |");
console.log("|---|---|---|---|---|---|");
for (const [label, r] of rows) {
  if (label.startsWith("secretlint-")) continue;
  const cg = stat(r.cg), a = stat(r.rg || r.git);
  const anchor = r.rg ? "ripgrep keyword pass" : r.git ? "`git status`" : "";
  console.log(`| ${what[label] ?? label} | ${s(cg.cpu)} (${s(cg.wall)}) | ${(cg.rss / 1024).toFixed(0)} MB | ${anchor} | ${a ? `${s(a.cpu)} (${s(a.wall)})` : ""} | ${a && a.cpu >= 0.01 ? `${(cg.cpu / a.cpu).toFixed(1)}x` : a ? "n/a (anchor under 10 ms)" : ""} |`);
}
for (const [label, r] of rows) {
  if (!label.startsWith("secretlint-")) continue;
  const sl = stat(r.sl), name = label.slice("secretlint-".length), cg = stat(rows.get(name.replace("mono-1000", "files-1000"))?.cg || []);
  const capped = sl.exit === 124 || sl.wall >= cap;
  console.log(`| secretlint, ${name} | ${capped ? `>${cap} s wall (stopped)` : `${s(sl.cpu)} (${s(sl.wall)})`} | ${(sl.rss / 1024).toFixed(0)} MB | ConfigGuard | ${cg ? `${s(cg.cpu)} (${s(cg.wall)})` : ""} | ${cg && !capped ? `${(sl.cpu / cg.cpu).toFixed(0)}x slower` : capped ? "" : ""} |`);
}
console.log(`\nmedian of ${Math.max(...[...rows.values()].map(r => (r.cg || []).length))} runs; CPU = user + system seconds; RSS = peak resident set of ConfigGuard (max over runs)`);
