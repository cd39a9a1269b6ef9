using System.Reflection;
using System.Text.Json;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// Decodes a QR code from a PNG with ZXing-C++ (the npm package <c>zxing-wasm</c>, pinned in <c>qr/package-lock.json</c>)
/// through <c>node qr/decode.mjs</c>: no maintained .NET QR decoder is available to this build.
/// </summary>
public static class QrDecoder
{
    /// <summary>zxing-wasm beside decode.mjs in the source tree (the folder set at build time).</summary>
    private static readonly NpmPackage Package = new(
        typeof(QrDecoder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == "QrDecoderFolder")?.Value
            ?? throw new InvalidOperationException("The test assembly lacks its QrDecoderFolder metadata (see the .csproj)."),
        "zxing-wasm",
        "the QR decoder");

    /// <summary>Returns the text of the single QR code in <paramref name="png"/>; throws, keeping the image, when there is none.</summary>
    public static async Task<string> DecodeAsync(byte[] png)
    {
        await Package.EnsureInstalledAsync();
        var file = Path.Combine(Path.GetTempPath(), $"idp-qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, png);
        string output;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            output = await Package.RunAsync("node", ["decode.mjs", file], timeout.Token);
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
}
