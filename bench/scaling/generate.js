// Writes one amplification shape of issue 16 at size N into DIR (bench/scaling/README.md).
// usage: node generate.js SHAPE N DIR
const fs = require("fs"), path = require("path");
const [shape, nText, dir] = process.argv.slice(2);
const n = Number(nText);
const write = (rel, text) => { const f = path.join(dir, rel); fs.mkdirSync(path.dirname(f), { recursive: true }); fs.writeFileSync(f, text); };
switch (shape) {
  case "configmap-keys": { // one ConfigMap with N data keys, rendered by a staging overlay
    const lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: settings", "data:"];
    for (let i = 0; i < n; i++) lines.push(`  SETTING_${i}: "value-${i}"`);
    write("base/settings.yaml", lines.join("\n") + "\n");
    write("base/kustomization.yaml", "resources:\n- settings.yaml\n");
    write("overlays/staging/kustomization.yaml", "resources:\n- ../../base\nnamespace: staging\n");
    break;
  }
  case "placeholder-line": { // one .env value of N bytes made of catalog-shaped placeholder keys (sk_test_xxxx...)
    const unit = "sk_test_xxxxxxxxxxxxxxxxxxxxxxxx ";
    write(".env.staging", "APP_ENV=staging\nNOTES=" + unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + "\n");
    break;
  }
  case "long-parent-key": { // appsettings: one parent key of N/2 bytes with leaves filling the other half
    const parent = "P".repeat(Math.floor(n / 2));
    const leaves = [];
    let size = parent.length;
    for (let i = 0; size < n; i++) { const leaf = `"k${i}":1`; leaves.push(leaf); size += leaf.length + 1; }
    write("appsettings.Staging.json", `{"Environment":"Staging","${parent}":{${leaves.join(",")}}}\n`);
    break;
  }
  case "repeated-resource": { // one resource listed N times
    write("base/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n" +
      Array.from({ length: 200 }, (_, i) => `  KEY_${i}: "${"v".repeat(100)}"`).join("\n") + "\n");
    write("base/kustomization.yaml", "resources:\n" + "- settings.yaml\n".repeat(n));
    write("overlays/staging/kustomization.yaml", "resources:\n- ../../base\nnamespace: staging\n");
    break;
  }
  case "many-env-files": { // N .env files in one folder
    // Half declare staging, half production: every staging file pairs with every production file of the folder.
    for (let i = 0; i < n; i++) write(`svc/.env.s${i}`, `APP_ENV=${i % 2 ? "production" : "staging"}\nDATABASE_URL=postgres://app@db-${i}.internal:5432/app\nFEATURE_${i}=on\n`);
    write("svc/.env.staging", "APP_ENV=staging\n");
    write("svc/.env.production", "APP_ENV=production\n");
    break;
  }
  case "env-files-per-folder": { // N .env files in one folder, with planted mistakes so that findings can be compared
    // Half declare staging, half production; every 97th staging file holds a live key, every 89th a production database.
    const live = "sk_" + "live_", test = "sk_" + "test_";
    for (let i = 0; i < n; i++) {
      const staging = i % 2 === 0, key = (i * 7919).toString(36).padStart(8, "0").repeat(4).slice(0, 24);
      const host = staging && i % 89 === 6 ? "prod-db" : staging ? "staging-db" : "prod-db";
      write(`svc/.env.s${i}`, `APP_ENV=${staging ? "staging" : "production"}\nDATABASE_URL=postgres://app@${host}.internal:5432/app${i % 7}\n` +
        `STRIPE_SECRET_KEY=${staging && i % 97 === 4 ? live : staging ? test : "$" + "{STRIPE_SECRET_KEY}"}${staging ? key : ""}\nFEATURE_${i}=on\n`);
    }
    write("svc/.env.staging", "APP_ENV=staging\n");
    write("svc/.env.production", "APP_ENV=production\n");
    break;
  }
  case "overlays-of-one-base": { // one base (a Deployment and a generated ConfigMap) and N overlays of it
    write("app/base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n" +
      "      containers:\n        - name: app\n          image: registry.example.com/app:1.0.0\n          env:\n" +
      "            - name: LOG_LEVEL\n              value: info\n          envFrom:\n            - configMapRef:\n                name: app-config\n");
    write("app/base/kustomization.yaml", "resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: app-config\n    literals:\n" +
      "      - LOG_FORMAT=json\n      - DATABASE_URL=postgres://app@db.internal:5432/app\n");
    // Half are staging overlays, half production, each in a folder of its own named for its environment.
    for (let i = 0; i < n; i++) {
      const env = i % 2 ? "production" : "staging";
      write(`app/overlays/${env}-${i}/kustomization.yaml`, `resources:\n  - ../../base\nnamespace: app-${env}-${i}\n` +
        `configMapGenerator:\n  - name: app-config\n    behavior: merge\n    literals:\n      - APP_ENV=${env}\n      - REGION=r${i}\n`);
    }
    break;
  }
  case "lookaround-credential": { // a configguard.yaml credential pattern that must backtrack (lookahead), N values that make it
    write("configguard.yaml", "credentials:\n- id: relay-token\n  provider: Relay\n  keyword: rly_\n  mode: live\n  pattern: '(?=rly_)rly_(b|bb)+[0-9A-Z]{8}'\n");
    for (let i = 0; i < n; i++) write(`svc${i}/.env.staging`, `APP_ENV=staging\nRELAY_HANDLE=rly_${"b".repeat(34)}?\n`);
    break;
  }
  case "lookaround-patch-target": { // N patches whose target name must backtrack (lookahead) over N objects
    let objects = "";
    for (let i = 0; i < n; i++) objects += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${"a".repeat(30)}-x${i}\ndata:\n  K: v\n`;
    write("base/all.yaml", objects);
    write("base/kustomization.yaml", "resources:\n- all.yaml\n");
    let patches = "";
    for (let i = 0; i < n; i++) patches += `- target:\n    kind: ConfigMap\n    name: '(?=a)(a+)+$'\n  patch: |-\n    - op: add\n      path: /data/P${i}\n      value: x\n`;
    write("overlays/staging/kustomization.yaml", "resources:\n- ../../base\nnamespace: staging\npatches:\n" + patches);
    break;
  }
  case "overlays-big-base": { // N overlays of one base holding a ~1 MB ConfigMap (5,000 keys of 200-byte values)
    write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n" +
      Array.from({ length: 5000 }, (_, i) => `  KEY_${i}: "${"v".repeat(200)}"`).join("\n") + "\n");
    write("base/kustomization.yaml", "resources:\n- cm.yaml\n");
    for (let i = 0; i < n; i++) write(`overlays/staging-${i}/kustomization.yaml`, `resources:\n- ../../base\nnamespace: s${i}\n`);
    break;
  }
  case "generator-files": { // one configMapGenerator with N files of 4 MB each
    const big = "x".repeat(4000000);
    for (let i = 0; i < n; i++) write(`base/blob${i}.txt`, big);
    write("base/kustomization.yaml", "configMapGenerator:\n- name: blobs\n  files:\n" + Array.from({ length: n }, (_, i) => `  - blob${i}.txt`).join("\n") + "\n");
    write("overlays/staging/kustomization.yaml", "resources:\n- ../../base\nnamespace: staging\n");
    break;
  }
  case "resource-files": { // N resource files, each a ~4 MB ConfigMap of 20,000 keys
    for (let i = 0; i < n; i++) write(`base/c${i}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n` +
      Array.from({ length: 20000 }, (_, k) => `  K${k}: "${"v".repeat(180)}"`).join("\n") + "\n");
    write("base/kustomization.yaml", "resources:\n" + Array.from({ length: n }, (_, i) => `- c${i}.yaml`).join("\n") + "\n");
    write("overlays/staging/kustomization.yaml", "resources:\n- ../../base\nnamespace: staging\n");
    break;
  }
  case "exclude-glob": // N .env files with long names, and an exclude glob that backtracks on them
  case "editorconfig-glob": { // the same files, and an .editorconfig section glob that backtracks on them
    const glob = "*a*a*a*a*a*a*a*a*a*a*b";
    if (shape === "exclude-glob") write("configguard.yaml", `exclude: ["${glob}"]\n`);
    else write(".editorconfig", `root = true\n[${glob}]\ndotnet_diagnostic.CG0001.severity = none\n`);
    for (let i = 0; i < n; i++) write(`svc${i % 50}/.env.${"a".repeat(200)}${i}`, "APP_ENV=staging\nLOG_LEVEL=info\n");
    break;
  }
  default:
    console.error("unknown shape " + shape); process.exit(2);
}
