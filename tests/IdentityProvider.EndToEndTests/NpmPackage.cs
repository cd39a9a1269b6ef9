using System.ComponentModel;
using System.Text.Json;
using IdentityProvider.Testing;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// A pinned npm package a browser test needs (axe-core, zxing-wasm), in a folder of the source tree with its
/// <c>package-lock.json</c>. The first use installs it with <c>npm ci</c> when <c>node_modules</c> is missing or holds
/// another version: <c>.ci/run</c> installs first, and a fresh clone run by <c>dotnet test</c> alone still works.
/// </summary>
/// <param name="folder">The folder of package.json (set at build time; node_modules lives next to it).</param>
/// <param name="name">The package whose installed version must be the one package-lock.json pins.</param>
/// <param name="neededFor">What needs it, for the message when npm is missing.</param>
public sealed class NpmPackage(string folder, string name, string neededFor)
{
    private readonly SemaphoreSlim installLock = new(1, 1);
    private bool installed;

    public string Folder => folder;

    public async Task EnsureInstalledAsync()
    {
        await installLock.WaitAsync();
        try
        {
            if (installed)
            {
                return;
            }

            if (!IsInstalled())
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                await RunAsync("npm", ["ci", "--prefix", folder, "--no-audit", "--no-fund"], timeout.Token);
                if (!IsInstalled())
                {
                    throw new InvalidOperationException($"`npm ci` in {folder} finished, but node_modules/{name} does not match package-lock.json.");
                }
            }

            installed = true;
        }
        finally
        {
            installLock.Release();
        }
    }

    /// <summary>Runs <paramref name="tool"/> (node, npm) in the package's folder; a clear message when it is missing or hangs.</summary>
    public async Task<string> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessRunner.RunAsync(tool, arguments, folder, cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"`{tool}` could not be started ({e.Message}): {neededFor} needs Node.js with npm on the PATH.", e);
        }
        catch (OperationCanceledException e)
        {
            throw new InvalidOperationException($"`{tool} {string.Join(' ', arguments)}` timed out in {folder}.", e);
        }
    }

    /// <summary>True when node_modules holds the version of the package that package-lock.json pins.</summary>
    private bool IsInstalled()
    {
        var installedManifest = Path.Combine(folder, "node_modules", name, "package.json");
        if (!File.Exists(installedManifest))
        {
            return false;
        }

        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package-lock.json")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(installedManifest));
        var pinned = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/" + name).GetProperty("version").GetString();
        return pinned == manifest.RootElement.GetProperty("version").GetString();
    }
}
