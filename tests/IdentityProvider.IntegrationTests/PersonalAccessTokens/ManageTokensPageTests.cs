using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>"Manage tokens" and "Create token": the list, the label rules, expiry and scopes, and the token shown once.</summary>
public class ManageTokensPageTests(TokenFixture provider) : IClassFixture<TokenFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task AccountPage_TokensAllowed_LinksManageTokens()
    {
        var (_, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var account = await ManagePage.OpenAsync(client).As<ManagePage>();

        var link = TokensPage.LinkOn(account);
        Assert.NotNull(link);
        Assert.Equal(TokensPage.Path, link);
    }

    [Fact]
    public async Task AccountPage_UserDenied_HidesManageTokensAndCreateIsClosed()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        await Factory.UpdateUserAsync(user.Id, stored => stored.SignInByToken = TokenPolicy.Deny);

        var account = await ManagePage.OpenAsync(client);
        var create = await CreateTokenPage.TryOpenAsync(client);

        Assert.DoesNotContain(ManagePage.TokensLink, account.Text);
        var list = create.As<TokensPage>();
        Assert.True(list.SaysNotAllowed);
        Assert.False(list.OffersCreate);
    }

    [Fact]
    public async Task CreatePost_UserDenied_CreatesNothing()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var form = await CreateTokenPage.OpenAsync(client);
        await Factory.UpdateUserAsync(user.Id, stored => stored.SignInByToken = TokenPolicy.Deny);

        var page = await form.TrySubmitAsync(TokenForm.Valid("sneaky"));

        Assert.Null(CreateTokenPage.ShownTokenOn(page));
        Assert.Empty(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Fact]
    public async Task Pages_SayStoreTokensAsSafelyAsPasswords_AndEveryInputHasALabel()
    {
        var (_, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var list = await TokensPage.OpenAsync(client);
        var create = await CreateTokenPage.OpenAsync(client);

        Assert.Contains("Store tokens as safely as any other password", list.Text);
        Assert.Contains("Store tokens as safely as any other password", create.Text);
        create.AssertEveryInputHasLabel();
        Assert.Equal("90", create.ExpiresInDaysInput.GetAttribute("value"));
        Assert.Equal("365", create.ExpiresInDaysInput.GetAttribute("max"));
        // Only scopes of clients allowed the grant, never openid or offline_access.
        Assert.Equal(["api", "reports"], create.OfferedScopes);
        // The policy has a maximum, so "no expiry" is not offered.
        Assert.False(create.OffersNoExpiry);
    }

    [Theory]
    [InlineData("", "Enter a label.")]
    [InlineData("     ", "Enter a label.")]
    [InlineData("abcdefghijklmnopqrstu", "The label can have at most 20 characters.")]
    [InlineData("deploy\u202Eexe.txt", "The label cannot contain control characters or invisible characters.")]
    [InlineData("\u200B\u200B\u200B", "The label cannot contain control characters or invisible characters.")]
    [InlineData("ring\u0007\u001B[2J", "The label cannot contain control characters or invisible characters.")]
    public async Task Create_BadLabel_ShowsItsOwnMessageAndCreatesNothing(string label, string message)
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.CreateAsync(client, label);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Alerts);
        Assert.Null(page.NewToken);
        Assert.Empty(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Fact]
    public async Task Create_TwentyCharactersWithSpacesAround_IsTrimmedAndAccepted()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.CreateAsync(client, "  abcdefghijklmnopqrst  ");

        Assert.NotNull(page.NewToken);
        Assert.Equal("abcdefghijklmnopqrst", Assert.Single(await TokenSteps.ReadAllAsync(Factory, user.Id)).Label);
    }

    [Fact]
    public async Task Create_DuplicateOfActiveLabel_IsRefusedWithItsOwnMessage()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        await TokenSteps.IssueAsync(Factory, user.Id, label: "deploy");

        var page = await TokenSteps.CreateAsync(client, " deploy ");

        Assert.Contains("You already have an active token labelled \"deploy\"", page.Alerts);
        Assert.Null(page.NewToken);
        Assert.Single(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Fact]
    public async Task Create_LabelOfRevokedToken_MayBeReused()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var old = await TokenSteps.IssueAsync(Factory, user.Id, label: "deploy");
        Assert.True(await TokenSteps.RevokeAsync(Factory, user.Id, old.Id));

        var page = await TokenSteps.CreateAsync(client, "deploy");

        Assert.NotNull(page.NewToken);
        Assert.Equal(2, (await TokenSteps.ReadAllAsync(Factory, user.Id)).Count(token => token.Label == "deploy"));
    }

    [Fact]
    public async Task Create_SameLabelAsAnotherUsersToken_IsAccepted()
    {
        var other = await UserStories.CreateUserAsync(Factory);
        await TokenSteps.IssueAsync(Factory, other.Id, label: "deploy");
        var (_, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        Assert.NotNull((await TokenSteps.CreateAsync(client, "deploy")).NewToken);
    }

    [Fact]
    public async Task Create_SameLabelTwiceAtOnce_OnlyOneSucceeds()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        for (var round = 0; round < 5; round++)
        {
            var label = $"race-{round}";
            var results = await Race.RunAsync(4, _ => Factory.WithServiceAsync<UserTokens, ChangeResult<CreatedToken>>(
                tokens => tokens.CreateAsync(user.Id, new NewTokenInput(label, 30, false, ["api"]))));

            Assert.Single(results, result => result.Succeeded);
            Assert.Single(await TokenSteps.ReadAllAsync(Factory, user.Id), token => token.Label == label);
        }
    }

    [Theory]
    [InlineData("366", "Choose from 1 to 365 days.")]
    [InlineData("0", "Choose from 1 to 365 days.")]
    [InlineData("", "Enter the number of days until the token expires.")]
    [InlineData("soon", "Expires after (days)")]
    public async Task Create_BadExpiry_IsRefusedWithAClearMessage(string days, string message)
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.CreateAsync(client, "expiry", days);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Alerts);
        Assert.Empty(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Fact]
    public async Task Create_NoExpiryWhilePolicyHasMaximum_IsRefused()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.CreateAsync(client, new TokenForm("forever", ExpiresInDays: null, NoExpiry: true, "api"));

        Assert.Contains("Every token must expire: choose at most 365 days.", page.Alerts);
        Assert.Empty(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Theory]
    [InlineData(null, "Choose at least one scope.")]
    [InlineData("openid", "Choose scopes from the list.")]
    [InlineData("admin", "Choose scopes from the list.")]
    public async Task Create_BadScopes_AreRefused(string? scope, string message)
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var form = scope is null ? new TokenForm("scopes", "30") : new TokenForm("scopes", "30", false, scope);

        var page = await TokenSteps.CreateAsync(client, form);

        Assert.Contains(message, page.Alerts);
        Assert.Empty(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Fact]
    public async Task Create_Valid_ShowsTheTokenOnceAndStoresOnlyItsHash()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.CreateAsync(client, new TokenForm("backup", "7", false, "api", "reports"));

        var secret = page.NewToken;
        Assert.True(PersonalAccessTokenFormat.IsWellFormed(secret), $"Not a token: {secret}");
        var field = page.NewTokenInput!;
        Assert.True(field.HasAttribute("readonly"));
        Assert.NotNull(page.LabelFor(field));
        Assert.Equal(field.GetAttribute("id"), page.CopyButtonTarget);
        Assert.True(page.LoadsCopyScript);
        Assert.Contains("won't be able to copy it later", page.Text);
        Assert.Equal(field.GetAttribute("id"), page.RevealButtonTarget);
        Assert.Contains("no-store", page.Page.Response.Headers.CacheControl?.ToString());
        Assert.Equal(TokensPage.Path, page.DoneLink);

        // Never again: not on the list, not on a fresh form, not in the status message.
        var list = await TokensPage.OpenAsync(client).As<TokensPage>();
        Assert.Contains("\"backup\" was created", list.Text);
        Assert.DoesNotContain(secret!, list.Page.Body);
        Assert.DoesNotContain(secret!, (await CreateTokenPage.OpenAsync(client)).Page.Body);

        var stored = Assert.Single(await TokenSteps.ReadAllAsync(Factory, user.Id));
        Assert.Equal("backup", stored.Label);
        Assert.Equal("api reports", stored.Scopes);
        Assert.Equal(Factory.Clock.GetUtcNow().AddDays(7).UtcDateTime, stored.ExpiresAt!.Value.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal(PersonalAccessTokenHasher.HashLength, stored.Hash.Length);
        await TableScan.AssertNowhereAsync(Factory, secret!);
        Assert.DoesNotContain(Factory.Logs.Lines, line => line.Contains(secret!, StringComparison.Ordinal));
        var created = Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TokenCreated);
        Assert.Contains(stored.Id.ToString(), created.Detail);

        // Copying returns to the list, which says so.
        var copied = await page.FollowCopyAsync().As<TokensPage>();
        Assert.Equal("Token copied.", copied.StatusMessage);

        // The token shown is the one stored: it works.
        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(client.Http, secret!)).Status);
    }

    [Fact]
    public async Task List_ShowsLabelLastAccessCreatedExpiresAndRevoke()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var used = await TokenSteps.IssueAsync(Factory, user.Id, label: "used", days: 10);
        var unused = await TokenSteps.IssueAsync(Factory, user.Id, label: "unused", days: 10);
        var revoked = await TokenSteps.IssueAsync(Factory, user.Id, label: "gone", days: 10);
        await TokenSteps.RevokeAsync(Factory, user.Id, revoked.Id);
        await TokenSteps.ExchangeAsync(client.Http, used.Secret);

        var page = await TokensPage.OpenAsync(client).As<TokensPage>();

        Assert.Equal(["Label", "Last access", "Created", "Expires", "Action"], page.ColumnHeaders);
        var now = Factory.Clock.GetUtcNow();
        var cells = page.CellsOf(unused.Id);
        Assert.Equal(new[] { "unused", "No access yet", "Revoke" }, new[] { cells[0], cells[1], cells[4] });
        Assert.Matches(@"\d{1,2}:\d{2}:\d{2}", cells[2]);
        // The days are shown in the reader's language and zone; the moments behind them are the token's.
        Assert.Equal([ActivityStories.ToSecond(now), ActivityStories.ToSecond(now.AddDays(10))], page.MomentsOf(unused.Id));
        Assert.Equal(ActivityStories.ToSecond(now), page.MomentsOf(used.Id)[0]);
        Assert.Empty(page.CellsOf(revoked.Id));
        Assert.Equal(["unused", "used"], (await TokenSteps.ListedLabelsAsync(client)).Order());
    }
}
