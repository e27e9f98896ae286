namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>
/// Trees that `kubectl kustomize` (v5.5.0) builds although a stricter reading would call them broken, each with a
/// must-flag neighbour that kubectl refuses. Written for these tests; which roots kubectl refuses is checked live
/// (KustomizeFidelityTests) wherever kubectl is installed.
/// </summary>
internal static class KustomizeFidelityFixtures
{
    private const string Deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {0}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: registry.example.org/bakery/{0}:2.4.1\n        env:\n        - name: OVEN_MODE\n          value: gentle\n";

    public static string Deploy(string name) => string.Format(Deployment, name);

    /// <summary>A component is built through the overlay that includes it; alone it would fail (its patch needs the overlay's Deployment).</summary>
    public static Dictionary<string, string> Components() => new()
    {
        ["base/kustomization.yaml"] = "resources:\n- storefront.yaml\n",
        ["base/storefront.yaml"] = Deploy("storefront"),
        ["components/tracing/kustomization.yaml"] =
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n" +
            "patches:\n" +
            "- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: storefront\n    spec:\n      template:\n        metadata:\n          annotations:\n            tracing/enabled: \"yes\"\n" +
            "- target:\n    kind: Deployment\n  patch: |-\n    - op: add\n      path: /spec/template/spec/containers/0/env/-\n      value: {name: TRACE_SAMPLE_RATE, value: \"0.25\"}\n" +
            "configMapGenerator:\n- name: tracing-settings\n  literals:\n  - COLLECTOR_PORT=4317\n",
        // Included by nothing: read for its values, never built alone.
        ["components/unused-canary/kustomization.yaml"] =
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: storefront-canary\n    spec:\n      replicas: 1\n",
        // Must flag: its patch names a Deployment the including overlay does not have.
        ["components/broken-sidecar/kustomization.yaml"] =
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: checkout\n    spec:\n      replicas: 2\n",
        ["overlays/staging/kustomization.yaml"] = "resources:\n- ../../base\ncomponents:\n- ../../components/tracing\n",
        ["overlays/production/kustomization.yaml"] = "resources:\n- ../../base\ncomponents:\n- ../../components/tracing\n- ../../components/broken-sidecar\n",
    };

    /// <summary>JSON6902 and targeted patches kustomize accepts (no match, replace of a missing key, index -1, pointer without '/', add under absent annotations), and two it refuses.</summary>
    public static Dictionary<string, string> Patches() => new()
    {
        ["base/kustomization.yaml"] = "resources:\n- bakery.yaml\n- bakery-service.yaml\n",
        ["base/bakery-service.yaml"] = "apiVersion: v1\nkind: Service\nmetadata:\n  name: bakery\nspec:\n  ports:\n  - port: 80\n",
        ["base/bakery.yaml"] = Deploy("bakery").Replace("metadata:\n  name: bakery\n", "metadata:\n  name: bakery\n  annotations:\n    team: dough\n"),
        ["overlays/staging/kustomization.yaml"] =
            "resources:\n- ../../base\n" +
            "patches:\n" +
            "- target:\n    kind: Deployment\n    name: bakery-worker\n  patch: |-\n    - op: replace\n      path: /spec/replicas\n      value: 3\n" +
            "- target:\n    kind: StatefulSet\n  patch: |-\n    apiVersion: apps/v1\n    kind: StatefulSet\n    metadata:\n      name: anything\n    spec:\n      replicas: 1\n" +
            "- target:\n    kind: Deployment\n    name: bakery\n  patch: |-\n    - op: replace\n      path: /metadata/annotations/pager\n      value: crumbs\n    - op: add\n      path: /spec/template/spec/containers/0/env/-1\n      value: {name: FLOUR_TYPE, value: rye}\n    - op: replace\n      path: spec/spec/replicas\n      value: 2\n" +
            "- target:\n    kind: Service\n  patch: |-\n    - op: add\n      path: /metadata/annotations/cloud.example.org~1backend-config\n      value: oven-backend\n",
        // Must flag: removing a path that is not there.
        ["overlays/production/kustomization.yaml"] =
            "resources:\n- ../../base\n" +
            "patches:\n" +
            "- target:\n    kind: Deployment\n    name: bakery\n  patch: |-\n    - op: remove\n      path: /spec/template/spec/nodeSelector\n",
        // Must flag: a strategic-merge patch without target needs exactly one object with its ID.
        ["overlays/qa/kustomization.yaml"] =
            "resources:\n- ../../base\n" +
            "patches:\n- path: replicas.yaml\n",
        ["overlays/qa/replicas.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bakery-oven\nspec:\n  replicas: 1\n",
    };

    /// <summary>The namespace is part of an object's ID: a generator in another namespace makes another object.</summary>
    public static Dictionary<string, string> Namespaces() => new()
    {
        ["base/kustomization.yaml"] = "resources:\n- settings.yaml\n",
        ["base/settings.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: till-settings\n  namespace: payments\ndata:\n  CURRENCY: EUR\n",
        ["overlays/staging/kustomization.yaml"] =
            "resources:\n- ../../base\n" +
            "configMapGenerator:\n- name: till-settings\n  literals:\n  - RECEIPT_FOOTER=thanks\n" +
            "- name: till-settings\n  namespace: payments-audit\n  literals:\n  - AUDIT_LEVEL=full\n" +
            "- name: till-settings\n  namespace: payments\n  behavior: merge\n  literals:\n  - ROUNDING=cash\n",
        // Must flag: same kind, name and namespace as the base's object, and behavior create.
        ["overlays/production/kustomization.yaml"] =
            "resources:\n- ../../base\n" +
            "configMapGenerator:\n- name: till-settings\n  namespace: payments\n  literals:\n  - RECEIPT_FOOTER=merci\n",
        // Must flag: a patch without target whose ID (no namespace) is not the base object's (namespace payments).
        ["overlays/qa/kustomization.yaml"] =
            "resources:\n- ../../base\n" +
            "patches:\n- patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: till-settings\n    data:\n      CURRENCY: CHF\n",
    };

    /// <summary>`images:` as kustomize reads it: entries split across items build (and change nothing); an unquoted all-digit tag does not.</summary>
    public static Dictionary<string, string> Images() => new()
    {
        ["base/kustomization.yaml"] = "resources:\n- till.yaml\n",
        ["base/till.yaml"] = Deploy("till"),
        ["overlays/staging/kustomization.yaml"] = "resources:\n- ../../base\nimages:\n- name: registry.example.org/bakery/till\n- newTag: 2.5.0\n- name: busybox\n  newTag: \"20241130\"\n",
        // Must flag: YAML reads the tag as a number.
        ["overlays/production/kustomization.yaml"] = "resources:\n- ../../base\nimages:\n- name: registry.example.org/bakery/till\n  newTag: 20241130\n",
    };

    /// <summary>YAML that Go's reader (kustomize's) accepts and a stricter reader refuses: a quoted scalar's continuation lines no deeper than its key.</summary>
    public static Dictionary<string, string> LenientYaml() => new()
    {
        ["base/kustomization.yaml"] = "resources:\n- recipe.yaml\n",
        ["base/recipe.yaml"] =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: recipe\ndata:\n  location: \"{{inputs.bucket}}/\\\n  {{inputs.folder}}/\\\n  sourdough.json\"\n  note: 'first line\n  second line'\n",
        // A key written twice in a kustomization: kustomize keeps the last one.
        ["overlays/staging/kustomization.yaml"] = "resources:\n- ../../base\nnamespace: bakery-old\nnamespace: bakery-staging\n",
        // Must flag: a key written twice in a manifest, which kubectl refuses.
        ["overlays/qa/kustomization.yaml"] = "resources:\n- ../../base\n- twice.yaml\n",
        ["overlays/qa/twice.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: twice\n  name: twice-again\ndata:\n  A: b\n",
        // Must flag: a quote that is never closed.
        ["overlays/production/kustomization.yaml"] = "resources:\n- ../../base\n- broken.yaml\n",
        ["overlays/production/broken.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata:\n  location: \"never closed\n",
    };
}
