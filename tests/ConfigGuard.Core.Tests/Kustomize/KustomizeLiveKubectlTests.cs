using ConfigGuard.Core.Kustomize;
using Xunit;
using ConfigGuard.Tests;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>
/// Parity against the real renderer, live: each fixture is written to a temp folder, rendered by `kubectl kustomize`
/// and by the in-process model, and the two must agree on names (hash suffixes included), namespaces, data and images.
/// Without kubectl on PATH the tests are skipped, with that reason (CI machines may not have it).
/// </summary>
public class KustomizeLiveKubectlTests
{
    public static IEnumerable<object[]> Fixtures() => new[]
    {
        new object[] { "namespace_and_images", new Dictionary<string, string>
        {
            ["base/kustomization.yaml"] = "resources: [deploy.yaml, cronjob.yaml]\n",
            ["base/deploy.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      initContainers:\n      - name: init\n        image: busybox:1.36\n      containers:\n      - name: web\n        image: ghcr.io/acme/shop:1.0\n      - name: side\n        image: registry.example.com:5000/acme/side@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
            ["base/cronjob.yaml"] = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: '0 1 * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: job\n            image: ghcr.io/acme/shop:1.0\n",
            ["overlays/staging/kustomization.yaml"] = "resources: [../../base]\nnamespace: shop-staging\nnameSuffix: -stg\nimages:\n- name: ghcr.io/acme/shop\n  newName: ghcr.io/acme/shop-rc\n  newTag: 1.1-rc.2\n- name: busybox\n  digest: sha256:1111111111111111111111111111111111111111111111111111111111111111\n- name: registry.example.com:5000/acme/side\n  newTag: v2\n",
        }, "overlays/staging" },
        new object[] { "secret_generator", new Dictionary<string, string>
        {
            ["kustomization.yaml"] = "namespace: ns1\nsecretGenerator:\n- name: creds\n  literals:\n  - USER=\"admin\"\n  - PASS='p@ss<&>'\n  envs: [creds.env]\n- name: tls\n  type: kubernetes.io/tls\n  files:\n  - tls.crt=cert.pem\n  - tls.key\ngeneratorOptions:\n  disableNameSuffixHash: false\nconfigMapGenerator:\n- name: plain\n  options:\n    disableNameSuffixHash: true\n  literals: [A=1]\n",
            ["creds.env"] = "TOKEN=abc=def\n# comment\n  SPACED = \"quoted\" \n",
            ["cert.pem"] = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            ["tls.key"] = "key-bytes\n",
        }, "" },
        new object[] { "patches", new Dictionary<string, string>
        {
            ["base/kustomization.yaml"] = "resources: [d.yaml, cm.yaml]\n",
            ["base/d.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        env:\n        - name: A\n          value: base\n        - name: B\n          value: base\n",
            ["base/cm.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  MODE: base\n  KEEP: yes-keep\n",
            ["prod/kustomization.yaml"] = "resources: [../base]\nnamePrefix: prod-\npatches:\n- path: smp.yaml\n- target: {kind: Deployment, name: web}\n  patch: |-\n    - op: replace\n      path: /spec/template/spec/containers/0/image\n      value: nginx:1.28\n    - op: add\n      path: /spec/template/spec/containers/0/env/-\n      value: {name: C, value: added}\npatchesStrategicMerge:\n- cm-patch.yaml\n",
            ["prod/smp.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        env:\n        - name: A\n          value: patched\n",
            ["prod/cm-patch.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  MODE: prod\n",
        }, "prod" },
        new object[] { "behavior_replace_and_merge", new Dictionary<string, string>
        {
            ["base/kustomization.yaml"] = "configMapGenerator:\n- name: app\n  literals: [A=1, B=2]\n- name: other\n  literals: [X=1]\nsecretGenerator:\n- name: s\n  literals: [K=v]\n",
            ["staging/kustomization.yaml"] = "resources: [../base]\nnamePrefix: staging-\nconfigMapGenerator:\n- name: app\n  behavior: replace\n  literals: [C=3]\n- name: other\n  behavior: merge\n  literals: [X=2, Y=3]\nsecretGenerator:\n- name: s\n  behavior: merge\n  literals: [L=w]\n",
        }, "staging" },
    };

    [KubectlTheory]
    [MemberData(nameof(Fixtures))]
    public void In_process_model_matches_live_kubectl_kustomize(string name, Dictionary<string, string> files, string root)
    {
        var rendered = Kubectl.Kustomize(files, root);
        Assert.True(rendered.Builds, "kubectl kustomize failed: " + rendered.Error);
        var build = KustomizeModel.Build(files, KustomizePaths.Combine(root, "kustomization.yaml"));
        Assert.DoesNotContain(build.Problems, p => p.IsFailure);
        RenderedObjects.AssertSame(RenderedObjects.FromKubectlOutput(rendered.Output), RenderedObjects.FromModel(build), name);
    }
}
