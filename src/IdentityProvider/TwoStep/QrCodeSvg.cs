using QRCoder;

namespace IdentityProvider.TwoStep;

/// <summary>Draws a QR code as inline SVG markup.</summary>
public static class QrCodeSvg
{
    /// <summary>
    /// An <c>&lt;svg&gt;</c> element (no XML declaration) made only of vector shapes, sized by its
    /// viewBox so CSS sets its size; put it in a page with <c>Html.Raw</c>.
    /// Note: inline SVG needs no <c>data:</c> image source, so the CSP can keep <c>img-src 'self'</c>;
    /// it is also never cached or fetched as a separate URL, which matters because an otpauth QR
    /// code holds the secret. ECC level M (15 %) keeps the code small enough for old phone cameras.
    /// </summary>
    public static string Render(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using QRCodeData data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var renderer = new SvgQRCode(data);

        // Note: dark on white with the quiet zone drawn, whatever the page's colour scheme, or scanners fail.
        // The viewBox counts modules, so pixelsPerModule only scales numbers nobody sees.
        return renderer.GetGraphic(
            pixelsPerModule: 1,
            darkColorHex: "#000000",
            lightColorHex: "#ffffff",
            drawQuietZones: true,
            sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
