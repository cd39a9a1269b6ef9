using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Passkeys;

/// <summary>
/// Account page › Passkeys: adding one (the first brings recovery codes, as the first device does), the list, renaming,
/// and removal after the password; refused answers and names said on the page, with nothing stored.
/// </summary>
public sealed class PasskeyAccountPageTests(PasskeyFixture fixture) : IClassFixture<PasskeyFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task TheFirstPasskey_BringsRecoveryCodesOnce_ThenIsListed_AndTurnsTwoStepOn()
    {
        var (user, client) = await UserStories.SignedInUserAsync(fixture);
        using var _ = client;
        using var passkey = new TestPasskey(PasskeyFixture.Origin);

        var passkeys = await (await ManagePage.OpenAsync(client)).As<ManagePage>().OpenPasskeysAsync();
        Assert.True(passkeys.OffersAdding);
        var codes = (await passkeys.AddAsync(passkey, "Work laptop")).As<ShowRecoveryCodesPage>();
        Assert.Equal(10, codes.Codes.Count);
        var listed = (await codes.ContinueAsync()).As<PasskeysPage>();

        Assert.Equal([passkey.Id], listed.PasskeyIds);
        Assert.StartsWith("Work laptop", Assert.Single(listed.PasskeyRows), StringComparison.Ordinal);
        Assert.Contains("Not used yet", Assert.Single(listed.PasskeyRows), StringComparison.Ordinal);
        var overview = (await ManagePage.OpenAsync(client)).As<ManagePage>();
        Assert.Equal("On", overview.TwoStepState);
        Assert.Equal(1, overview.Passkeys);
        Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.PasskeyAdded);
    }

    [Fact]
    public async Task APasskeyBesideADevice_BringsNoNewCodes_AndSaysSo()
    {
        var (client, user, _) = await UserStories.SignedInWithRoleAsync(fixture, "staff");
        using var _ = client;
        await UserStories.GenerateRecoveryCodesAsync(Factory, user.Id);
        using var passkey = new TestPasskey(PasskeyFixture.Origin);

        var added = (await (await PasskeysPage.OpenAsync(client)).AddAsync(passkey)).As<PasskeysPage>();

        Assert.Equal("Passkey \"Passkey\" was added.", added.StatusMessage);
        Assert.Single(added.PasskeyIds);
    }

    [Fact]
    public async Task AnAnswerFromAnotherOrigin_OrAReplayedOne_IsRefusedOnThePage_AndNothingIsStored()
    {
        var (user, client) = await UserStories.SignedInUserAsync(fixture);
        using var _ = client;
        using var passkey = new TestPasskey(PasskeyFixture.Origin);
        var page = await PasskeysPage.OpenAsync(client);

        var phished = (await page.AddAsync(passkey, origin: "https://id.example.test.phish.example")).As<PasskeysPage>();
        var (options, state) = await page.BeginAddingAsync();
        var answer = passkey.Create(options);
        (await page.PostAddAnswerAsync(answer, state)).As<ShowRecoveryCodesPage>();
        var replayed = (await page.PostAddAnswerAsync(answer, state)).As<PasskeysPage>();

        Assert.Equal("The passkey was not added: the browser's answer was not accepted. Try again.", phished.ValidationSummary);
        Assert.Equal("The passkey was not added: the request expired or was already used. Try again.", replayed.ValidationSummary);
        Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.PasskeyAdded);
    }

    [Fact]
    public async Task Renaming_ChangesTheName_ABlankNameIsRefused_AndAnotherUsersPasskeyIsNotFound()
    {
        var (user, client) = await UserStories.SignedInUserAsync(fixture);
        using var _ = client;
        using var own = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        var stranger = await UserStories.CreateUserAsync(Factory);
        using var theirs = await PasskeyStories.AddPasskeyAsync(Factory, stranger.Id, PasskeyFixture.Origin, "Theirs");
        var page = await PasskeysPage.OpenAsync(client);

        var renamed = (await page.RenameAsync(own.Id, "  Phone ")).As<PasskeysPage>();
        var blank = (await renamed.RenameAsync(own.Id, "   ")).As<PasskeysPage>();
        var foreign = await renamed.RenameAsync(theirs.Id, "Mine now");

        Assert.Equal("The passkey was renamed.", renamed.StatusMessage);
        Assert.StartsWith("Phone", Assert.Single(renamed.PasskeyRows), StringComparison.Ordinal);
        Assert.NotNull(blank.ValidationSummary);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, foreign.Status);
        Assert.StartsWith("Theirs", Assert.Single(await PasskeyRowsOfAsync(stranger.Id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removal_NeedsThePassword_ThenRemovesAndLogsIt_AndAnUnknownIdIsNotFound()
    {
        var (user, client) = await UserStories.SignedInUserAsync(fixture);
        using var _ = client;
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);

        var remove = await (await PasskeysPage.OpenAsync(client)).RemoveAsync(passkey.Id);
        var wrong = (await remove.RemoveAsync("not-the-password")).As<RemovePasskeyPage>();
        var removed = (await wrong.RemoveAsync(user.Password)).As<PasskeysPage>();
        var unknown = await RemovePasskeyPage.TryOpenAsync(client, "not a credential id");

        Assert.NotNull(wrong.ValidationSummary);
        Assert.Equal("\"Laptop\" was removed.", removed.StatusMessage);
        Assert.Empty(removed.PasskeyIds);
        Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.PasskeyRemoved);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.Status);
    }

    private async Task<IReadOnlyList<string>> PasskeyRowsOfAsync(string userId) =>
        (await PasskeyStories.ListAsync(Factory, userId)).Select(passkey => passkey.Name).ToList();
}
