using System.Text;
using System.Xml.Linq;
using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.TwoStep;

public class QrCodeSvgTests
{
    private static readonly string KeyUri = OtpKeyUri.Create(
        OtpParameters.DefaultTotp, "Example Co", "alice@example.com", Encoding.ASCII.GetBytes("12345678901234567890"));

    [Fact]
    public void Render_KeyUri_WellFormedSvgElement()
    {
        var document = XDocument.Parse(QrCodeSvg.Render(KeyUri));

        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), document.Root!.Name);
        Assert.NotNull(document.Root.Attribute("viewBox"));
        Assert.Contains(document.Root.Descendants(), e => e.Name.LocalName == "path");
    }

    [Fact]
    public void Render_KeyUri_NoRasterImageNorDataUri()
    {
        string svg = QrCodeSvg.Render(KeyUri);
        var document = XDocument.Parse(svg);

        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName == "image");
        Assert.DoesNotContain("<image", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_KeyUri_NoXmlDeclarationSoItEmbedsInHtml()
    {
        Assert.StartsWith("<svg", QrCodeSvg.Render(KeyUri));
    }

    [Fact]
    public void Render_EmptyText_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => QrCodeSvg.Render(""));
    }
}
