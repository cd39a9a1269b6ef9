using System.Diagnostics;
using System.Runtime.InteropServices;

namespace IdentityProvider.Benchmarks.Compare;

/// <summary>
/// Gets the three servers ready to start: our provider published in Release, and copies of the anchors (outside the
/// repository, so its build settings do not apply and its tree gets no build output) with the peer's pinned packages
/// installed and the ceiling built. The
/// copies live in a temporary folder and are reused while their sources are unchanged.
/// </summary>
public sealed record CompareWorkspace(string AppDirectory, string PeerDirectory, string CeilingDll, string WrkDirectory, string KeysDirectory)
{
    public static async Task<CompareWorkspace> PrepareAsync(string repository, string bench)
    {
        var root = Path.Combine(Path.GetTempPath(), "idp-compare");
        var app = Path.Combine(root, "app");
        // As the image publishes it (deploy/Dockerfile): ReadyToRun for this machine's architecture.
        Console.WriteLine("Publishing the provider (Release, ReadyToRun)...");
        await RunAsync("dotnet", ["publish", Path.Combine(repository, "src", "IdentityProvider", "IdentityProvider.csproj"), "-c", "Release",
            "-a", RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(), "--self-contained", "false", "-p:PublishReadyToRun=true",
            "-o", app, "--nologo", "-v", "q"], repository, 300);

        var peer = Path.Combine(root, "peer");
        if (CopyIfChanged(Path.Combine(bench, "peer"), peer) || !Directory.Exists(Path.Combine(peer, "node_modules", "oidc-provider")))
        {
            Console.WriteLine("Installing the peer's pinned packages (npm ci)...");
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], peer, 240);
        }

        var ceiling = Path.Combine(root, "ceiling");
        var ceilingDll = Path.Combine(ceiling, "bin", "Release", "net10.0", "kestrel-anchor.dll");
        if (CopyIfChanged(Path.Combine(bench, "ceiling"), ceiling) || !File.Exists(ceilingDll))
        {
            Console.WriteLine("Building the ceiling (Release)...");
            await RunAsync("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q"], ceiling, 240);
        }

        var keys = Directory.CreateDirectory(Path.Combine(root, "keys")).FullName;
        return new CompareWorkspace(app, peer, ceilingDll, Path.Combine(bench, "wrk"), keys);
    }

    /// <summary>Copies the top-level files of <paramref name="source"/>; true when any differed (writable copies, no build output in the source folder).</summary>
    private static bool CopyIfChanged(string source, string target)
    {
        Directory.CreateDirectory(target);
        var changed = false;
        foreach (var file in Directory.GetFiles(source))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            if (!File.Exists(copy) || !File.ReadAllBytes(copy).AsSpan().SequenceEqual(File.ReadAllBytes(file)))
            {
                File.Copy(file, copy, overwrite: true);
                File.SetAttributes(copy, FileAttributes.Normal);
                changed = true;
            }
        }

        return changed;
    }

    private static async Task RunAsync(string fileName, string[] arguments, string workingDirectory, int timeoutSeconds)
    {
        var info = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} took more than {timeoutSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
