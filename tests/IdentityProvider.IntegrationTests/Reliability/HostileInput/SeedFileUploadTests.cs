using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability.HostileInput;

/// <summary>
/// A PSKC file with a billion-laughs bomb or an external entity, uploaded on the admin page (the API's rows are in
/// <see cref="HostileEndpointTests"/>): refused with a message, nothing imported, no file content shown.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class SeedFileUploadTests(HostileInputFixture provider)
{
    public static TheoryData<string> HostileFiles() => [nameof(HostileEndpoints.XmlBomb), nameof(HostileEndpoints.ExternalEntity)];

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task ImportPage_HostilePskc_RefusedWithAMessage_NothingImported(string file)
    {
        var content = file == nameof(HostileEndpoints.XmlBomb) ? HostileEndpoints.XmlBomb : HostileEndpoints.ExternalEntity;
        var before = await ProviderState.FingerprintAsync(provider.Factory);
        var page = await AdminImportTokensPage.OpenAsync(provider.AdminBrowser);

        var answer = await page.UploadAsync("tokens.pskc", content);

        HostileAnswers.AssertNoServerErrorNorLeak(answer.Status, answer.Page.Body);
        Assert.NotEqual("", answer.Alerts);
        Assert.Equal("", answer.AddedText);
        Assert.DoesNotContain("root:", answer.Page.Body, StringComparison.Ordinal);
        Assert.Equal(before, await ProviderState.FingerprintAsync(provider.Factory));
    }
}
