using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using IdentityProvider.Testing;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// Decodes a QR code from a PNG with ZXing-C++ (the npm package <c>zxing-wasm</c>, pinned in <c>qr/package-lock.json</c>)
/// through <c>node qr/decode.mjs</c>: no maintained .NET QR decoder is available to this build.
/// The first use installs the package with <c>npm ci</c> when <c>qr/node_modules</c> is missing or stale.
/// </summary>
public static class QrDecoder
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool installed;

    /// <summary>The folder of decode.mjs in the source tree (set at build time; node_modules lives next to it).</summary>
    public static string Folder { get; } = typeof(QrDecoder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(attribute => attribute.Key == "QrDecoderFolder")?.Value
        ?? throw new InvalidOperationException("The test assembly lacks its QrDecoderFolder metadata (see the .csproj).");

    /// <summary>Returns the text of the single QR code in <paramref name="png"/>; throws, keeping the image, when there is none.</summary>
    public static async Task<string> DecodeAsync(byte[] png)
    {
        await EnsureInstalledAsync();
        var file = Path.Combine(Path.GetTempPath(), $"idp-qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, png);
        string output;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            output = await RunAsync("node", ["decode.mjs", file], timeout.Token);
        }
        catch (InvalidOperationException e)
        {
            // Note: the image is kept for whoever reads the failure.
            throw new InvalidOperationException($"The QR code could not be decoded; the screenshot is {file}.\n{e.Message}", e);
        }

        File.Delete(file);
        using var result = JsonDocument.Parse(output);
        return result.RootElement.GetProperty("text").GetString()
            ?? throw new InvalidOperationException($"decode.mjs printed no text: {output}");
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (installed)
            {
                return;
            }

            if (!IsInstalled())
            {
                // Why: a fresh clone has no node_modules; the npm registry is reachable wherever the tests run,
                // so `dotnet test` alone works. npm ci installs exactly what package-lock.json pins.
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                await RunAsync("npm", ["ci", "--prefix", Folder, "--no-audit", "--no-fund"], timeout.Token);
                if (!IsInstalled())
                {
                    throw new InvalidOperationException(
                        $"`npm ci` in {Folder} finished, but node_modules/zxing-wasm does not match package-lock.json.");
                }
            }

            installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>True when node_modules holds the zxing-wasm version that package-lock.json pins.</summary>
    private static bool IsInstalled()
    {
        var installedManifest = Path.Combine(Folder, "node_modules", "zxing-wasm", "package.json");
        if (!File.Exists(installedManifest))
        {
            return false;
        }

        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "package-lock.json")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(installedManifest));
        var pinned = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/zxing-wasm").GetProperty("version").GetString();
        return pinned == manifest.RootElement.GetProperty("version").GetString();
    }

    private static async Task<string> RunAsync(string tool, string[] arguments, CancellationToken ct)
    {
        try
        {
            return await ProcessRunner.RunAsync(tool, arguments, Folder, ct);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"`{tool}` could not be started ({e.Message}): the QR decoder needs Node.js 18 or later with npm on the PATH.", e);
        }
        catch (OperationCanceledException e)
        {
            throw new InvalidOperationException($"`{tool} {string.Join(' ', arguments)}` timed out in {Folder}.", e);
        }
    }
}
