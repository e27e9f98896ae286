using System.Text;

namespace ConfigGuard.Bench;

/// <summary>
/// Writes a monorepo of services, each with .env files, appsettings, a kustomize base and two overlays and some C#,
/// from a fixed seed, with a few planted mistakes (every 97th service leaks a live key into staging, every 89th points
/// staging at a production database). Files per service: 14, so N files ~ N/14 services.
/// </summary>
public static class CorpusGenerator
{
    public const int FilesPerService = 14;

    public static int Generate(string root, int targetFiles, int seed = 20261121)
    {
        var rng = new Random(seed);
        int services = Math.Max(1, targetFiles / FilesPerService);
        int written = 0;
        for (int s = 0; s < services; s++)
        {
            var name = $"svc-{s:D5}";
            var dir = Path.Combine(root, "services", name);
            string Key(int n) => RandomToken(rng, n);
            bool leak = s % 97 == 13, prodDb = s % 89 == 7;
            written += Write(dir, ".env", $"APP_NAME={name}\nLOG_FORMAT=json\nPORT={8000 + s % 1000}\nFEATURE_FLAGS=search,checkout\n");
            written += Write(dir, ".env.staging",
                $"APP_ENV=staging\nSENTRY_ENVIRONMENT=staging\nDATABASE_URL=postgres://{name}:${{DB_PASSWORD}}@{(prodDb ? "prod-db" : "staging-db")}.internal:5432/{name.Replace('-', '_')}\n" +
                $"REDIS_URL=redis://staging-redis.internal:6379/{s % 16}\nSTRIPE_SECRET_KEY={(leak ? "sk_" + "live_" : "sk_" + "test_")}{Key(32)}\nSESSION_SECRET=${{SESSION_SECRET}}\nDEBUG=true\n");
            written += Write(dir, ".env.production",
                $"APP_ENV=production\nSENTRY_ENVIRONMENT=production\nDATABASE_URL=postgres://{name}:${{DB_PASSWORD}}@prod-db.internal:5432/{name.Replace('-', '_')}\n" +
                $"REDIS_URL=redis://prod-redis.internal:6379/{s % 16}\nSTRIPE_SECRET_KEY=${{STRIPE_SECRET_KEY}}\nSESSION_SECRET=${{SESSION_SECRET}}\nDEBUG=false\n");
            written += Write(dir, ".env.example", "APP_ENV=development\nSTRIPE_SECRET_KEY=sk_test_...\nSESSION_SECRET=<generate_with: openssl rand -base64 48>\n");
            written += Write(dir, "appsettings.json", "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"AllowedHosts\": \"*\",\n  \"Service\": { \"Name\": \"" + name + "\", \"Timeout\": 30 }\n}\n");
            written += Write(dir, "appsettings.Staging.json", "{\n  \"ConnectionStrings\": { \"Default\": \"Host=staging-db.internal;Database=" + name + ";Username=app\" }\n}\n");
            written += Write(dir, "appsettings.Production.json", "{\n  \"ConnectionStrings\": { \"Default\": \"Host=prod-db.internal;Database=" + name + ";Username=app\" }\n}\n");
            written += Write(dir, "k8s/base/kustomization.yaml", "resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: app-config\n    literals:\n      - LOG_FORMAT=json\n");
            written += Write(dir, "k8s/base/deployment.yaml", $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/{name}:1.0.0\n          envFrom:\n            - configMapRef:\n                name: app-config\n");
            written += Write(dir, "k8s/overlays/staging/kustomization.yaml", $"resources:\n  - ../../base\nnamespace: {name}-staging\nconfigMapGenerator:\n  - name: app-config\n    behavior: merge\n    literals:\n      - APP_ENV=staging\n");
            written += Write(dir, "k8s/overlays/production/kustomization.yaml", $"resources:\n  - ../../base\nnamespace: {name}-production\nconfigMapGenerator:\n  - name: app-config\n    behavior: merge\n    literals:\n      - APP_ENV=production\n");
            written += Write(dir, "src/Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.MapGet(\"/\", () => \"ok\");\napp.Run();\n");
            written += Write(dir, "src/Service.cs", ServiceSource(name, rng));
            written += Write(dir, "README.md", $"# {name}\n\nGenerated service {s}.\n");
        }
        return written;
    }

    private static string ServiceSource(string name, Random rng)
    {
        var sb = new StringBuilder($"namespace {name.Replace('-', '_')};\n\npublic sealed class Service\n{{\n");
        for (int i = 0; i < 20; i++) sb.Append($"    public int Method{i}(int x) => x * {rng.Next(1, 100)} + {i};\n");
        return sb.Append("}\n").ToString();
    }

    private static string RandomToken(Random rng, int n)
    {
        const string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var c = new char[n];
        for (int i = 0; i < n; i++) c[i] = chars[rng.Next(chars.Length)];
        return new string(c);
    }

    private static int Write(string dir, string relative, string text)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return 1;
    }
}
