using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace ConfigGuard.MSBuild.Tests;

/// <summary>
/// The IDE, with a real server: csharp-ls (Roslyn behind the Language Server Protocol, what Neovim, Helix, Emacs and
/// VS Code's generic LSP clients run) opens a project that uses the ConfigGuard package from the test feed, and the
/// test reads what an editor would show. Found by running it (csharp-ls 0.28.0), written down in docs/ide.md:
/// - analyzers run only with the `csharp.analyzersEnabled` setting on (off by default in csharp-ls);
/// - code rules (CG1xxx) are pushed (`textDocument/publishDiagnostics`) for an opened .cs file to a client that does not
///   declare pull diagnostics; a client that declares them gets no pushes and pulls (`textDocument/diagnostic`);
/// - config findings are located in additional files (.env.staging), which are not documents: the server pushes nothing
///   for them and answers a `textDocument/diagnostic` for one with nothing; they arrive through the workspace pull
///   (`workspace/diagnostic`), so an editor that asks for workspace diagnostics lists them, located, and one that
///   only shows pushed diagnostics does not (the build and `configguard check` still report them).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LanguageServerEndToEndTests(PackageFeed feed, ITestOutputHelper output)
{
    private const string LiveKey = "sk_live_51HxExampleOnlyNotARealKeyQ3xZ";

    private const string ProgramWithCodeFinding = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (app.Environment.EnvironmentName == "Production") app.UseHsts();
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    private static readonly TimeSpan Load = TimeSpan.FromMinutes(6);

    [CSharpLsFact]
    public async Task An_editor_on_csharp_ls_sees_the_code_finding_pushed_and_the_config_finding_in_workspace_diagnostics()
    {
        var (dir, _) = feed.CreateConsumer("LspApp", new[]
        {
            ("Program.cs", ProgramWithCodeFinding),
            (".env.staging", $"APP_ENV=staging\nPAYMENT_KEY={LiveKey}\n"),
            (".env.production", "APP_ENV=production\n"),
        });
        var root = new Uri(dir + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        var program = new Uri(Path.Combine(dir, "Program.cs")).AbsoluteUri;
        var envStaging = new Uri(Path.Combine(dir, ".env.staging")).AbsoluteUri;

        using var client = new LspClient(CSharpLs.Path!, dir, new JsonObject { ["analyzersEnabled"] = true });
        try
        {
            await client.Request("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = root,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = "LspApp" }),
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                    // A push client (the common case). A client that also declares `textDocument.diagnostic` gets no
                    // pushes from csharp-ls at all: it has to pull, as the workspace pull below does.
                    ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true } },
                    ["window"] = new JsonObject { ["workDoneProgress"] = true },
                },
            }, TimeSpan.FromMinutes(2));
            client.Notify("initialized", new JsonObject());
            client.Notify("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = program, ["languageId"] = "csharp", ["version"] = 1, ["text"] = ProgramWithCodeFinding },
            });

            // Pushed, as every LSP editor shows it: CG1001 on the comparison, line 3 (0-based 2), from column 5.
            bool pushed = await LspClient.Eventually(() => Task.FromResult(Codes(client.Published(program)).Contains("CG1001")), Load);
            Assert.True(pushed, "no CG1001 pushed for Program.cs\n" + client.Transcript);
            var cg1001 = client.Published(program).Single(d => Code(d) == "CG1001")!;
            Assert.Equal(2, (int)cg1001["range"]!["start"]!["line"]!);
            Assert.Equal(4, (int)cg1001["range"]!["start"]!["character"]!);
            Assert.Equal(2, (int)cg1001["severity"]!); // warning

            // Pulled for the whole workspace: the config finding, located in .env.staging (line 2, the value's columns), redacted.
            JsonArray? staging = null;
            bool pulled = await LspClient.Eventually(async () =>
            {
                var report = await client.Request("workspace/diagnostic", new JsonObject { ["previousResultIds"] = new JsonArray() }, TimeSpan.FromMinutes(3));
                staging = report?["items"]?.AsArray().FirstOrDefault(i => (string?)i?["uri"] == envStaging)?["items"]?.AsArray();
                return staging is not null && Codes(staging).Contains("CG0001");
            }, Load);
            Assert.True(pulled, "no CG0001 for .env.staging in workspace/diagnostic\n" + client.Transcript);
            var cg0001 = staging!.Single(d => Code(d) == "CG0001")!;
            Assert.Equal(1, (int)cg0001["range"]!["start"]!["line"]!);
            Assert.Equal(12, (int)cg0001["range"]!["start"]!["character"]!);
            Assert.Equal(12 + LiveKey.Length, (int)cg0001["range"]!["end"]!["character"]!);
            Assert.Equal(1, (int)cg0001["severity"]!); // error
            Assert.DoesNotContain(LiveKey, cg0001.ToJsonString());
            Assert.Contains("docs/rules/CG0001.md", (string?)cg0001["codeDescription"]?["href"]);

            // What it does not show: nothing is pushed for the additional file, and a document pull for it is empty.
            Assert.Empty(client.Published(envStaging));
            var single = await client.Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = envStaging } }, TimeSpan.FromMinutes(2));
            Assert.DoesNotContain("CG0001", Codes(single?["items"]?.AsArray() ?? new JsonArray()));
        }
        finally
        {
            output.WriteLine(client.Transcript);
        }
    }

    private static string? Code(JsonNode? d) => d?["code"]?.GetValue<string>();

    private static List<string?> Codes(JsonArray diagnostics) => diagnostics.Select(Code).ToList();
}
