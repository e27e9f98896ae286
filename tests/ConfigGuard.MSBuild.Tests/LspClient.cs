using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.MSBuild.Tests;

/// <summary>
/// Where csharp-ls (a Roslyn language server, `dotnet tool install csharp-ls`) is: CSHARP_LS, then the copy `.ci/run`
/// installs (.ci/.tools/csharp-ls), then PATH and ~/.dotnet/tools. Null when it is not installed.
/// </summary>
public static class CSharpLs
{
    public const string MissingReason = "needs csharp-ls (dotnet tool install csharp-ls --version 0.28.0 --tool-path .ci/.tools/csharp-ls, or set CSHARP_LS); .ci/run installs it";

    public static string? Path { get; } = Find();

    private static string? Find()
    {
        var exe = OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls";
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("CSHARP_LS"),
            System.IO.Path.Combine(RepoPaths.Root, ".ci", ".tools", "csharp-ls", exe),
        };
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            candidates.Add(System.IO.Path.Combine(dir, exe));
        candidates.Add(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", exe));
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }
}

/// <summary>A [Fact] that needs csharp-ls; reported as skipped, with the reason, where it is not installed.</summary>
public sealed class CSharpLsFactAttribute : FactAttribute
{
    public CSharpLsFactAttribute()
    {
        if (CSharpLs.Path is null) Skip = CSharpLs.MissingReason;
    }
}

/// <summary>
/// The client half of the Language Server Protocol, as an editor speaks it: JSON-RPC 2.0 over the server's standard
/// input and output, each message framed by a Content-Length header. It answers the server's own requests the way a
/// plain editor does (configuration, progress tokens, capability registration) and keeps every
/// `textDocument/publishDiagnostics` the server pushes. Written here because no LSP client library is served and the
/// protocol needed is a few messages.
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process _server;
    private readonly Stream _input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentDictionary<string, JsonArray> _published = new(StringComparer.Ordinal);
    private readonly StringBuilder _log = new();
    private readonly object _gate = new();
    private readonly JsonNode _csharpSettings;
    private int _nextId;

    public LspClient(string serverPath, string workingDirectory, JsonNode csharpSettings)
    {
        _csharpSettings = csharpSettings;
        var psi = new ProcessStartInfo(serverPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Started from `dotnet test`, whose host sets variables for its own MSBuild and test platform: the server gets
        // the environment an editor started from a shell would give it (with them, its project load never finished).
        var inherited = psi.Environment.ToDictionary(e => e.Key, e => e.Value);
        psi.Environment.Clear();
        foreach (var key in new[] { "PATH", "HOME", "USER", "LANG", "TMPDIR", "DOTNET_ROOT", "NUGET_PACKAGES", "DOTNET_CLI_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME" })
        {
            if (inherited.TryGetValue(key, out var value) && value is not null) psi.Environment[key] = value;
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        _server = Process.Start(psi)!;
        _input = _server.StandardInput.BaseStream;
        _server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log("stderr: " + e.Data); };
        _server.BeginErrorReadLine();
        new Thread(ReadLoop) { IsBackground = true, Name = "lsp reader" }.Start();
    }

    /// <summary>What the server said on stderr and in window/logMessage: printed when a test fails.</summary>
    public string Transcript { get { lock (_log) return _log.ToString(); } }

    /// <summary>The diagnostics last pushed for a document URI (empty when none were).</summary>
    public JsonArray Published(string uri) => _published.TryGetValue(uri, out var a) ? a : new JsonArray();

    public async Task<JsonNode?> Request(string method, JsonNode? parameters, TimeSpan timeout)
    {
        int id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(done.Task, Task.Delay(timeout));
        if (finished != done.Task) throw new TimeoutException($"{method} got no answer in {timeout.TotalSeconds:F0} s");
        return await done.Task;
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Waits until <paramref name="condition"/> holds, checking every half second.</summary>
    public static async Task<bool> Eventually(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await condition()) return true;
            await Task.Delay(500);
        }
        return await condition();
    }

    private void Send(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_gate)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    private void Log(string line)
    {
        lock (_log) _log.AppendLine(line);
    }

    private void ReadLoop()
    {
        var output = _server.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                int length = -1;
                string? line;
                while ((line = ReadHeaderLine(output)) is { Length: > 0 })
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line["Content-Length:".Length..].Trim());
                }
                if (line is null || length < 0) return;
                var body = new byte[length];
                output.ReadExactly(body);
                Handle(JsonNode.Parse(body)!);
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException)
        {
            Log("reader stopped: " + e.Message);
        }
        finally
        {
            foreach (var p in _pending.Values) p.TrySetException(new IOException("the language server closed its output"));
        }
    }

    private static string? ReadHeaderLine(Stream s)
    {
        var bytes = new List<byte>();
        while (true)
        {
            int b = s.ReadByte();
            if (b < 0) return null;
            if (b == '\n') return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            bytes.Add((byte)b);
        }
    }

    private void Handle(JsonNode message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var waiting))
            {
                if (message["error"] is { } error) waiting.TrySetException(new InvalidOperationException(error.ToJsonString()));
                else waiting.TrySetResult(message["result"]);
            }
            return;
        }
        if (id is not null)
        {
            // A request from the server: answered as a plain editor answers it.
            JsonNode? result = method switch
            {
                "workspace/configuration" => new JsonArray((message["params"]?["items"]?.AsArray() ?? new JsonArray()).Select(_ => (JsonNode?)_csharpSettings.DeepClone()).ToArray()),
                _ => null,
            };
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
            return;
        }
        switch (method)
        {
            case "textDocument/publishDiagnostics":
                var uri = message["params"]!["uri"]!.GetValue<string>();
                _published[uri] = message["params"]!["diagnostics"]!.AsArray().DeepClone().AsArray();
                Log($"publishDiagnostics {uri}: {_published[uri].Count}");
                break;
            case "window/logMessage" or "window/showMessage":
                Log("server: " + message["params"]?["message"]?.GetValue<string>());
                break;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_server.HasExited)
            {
                try { Request("shutdown", null, TimeSpan.FromSeconds(10)).Wait(TimeSpan.FromSeconds(15)); } catch (Exception) { }
                try { Notify("exit", null); } catch (IOException) { }
                if (!_server.WaitForExit(10_000)) _server.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException) { }
        _server.Dispose();
    }
}
