using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.IntegrationTests.Accounts;
using IdentityProvider.IntegrationTests.TwoStep;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>"Manage tokens" and "Create token": the list, the label rules, expiry and scopes, and the token shown once.</summary>
public class ManageTokensPageTests(TokenFixture provider) : IClassFixture<TokenFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task AccountPage_TokensAllowed_LinksManageTokens()
    {
        var (_, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        var page = await client.GetAsync(AccountSteps.ManagePath);

        var link = page.Document.QuerySelectorAll("a").FirstOrDefault(anchor => anchor.TextContent.Trim() == "Manage tokens");
        Assert.NotNull(link);
        Assert.Equal(TokenSteps.TokensPath, link.GetAttribute("href"));
    }

    [Fact]
    public async Task AccountPage_UserDenied_HidesManageTokensAndCreateIsClosed()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        await TokenSteps.UpdateUserAsync(Factory, user.Id, stored => stored.SignInByToken = TokenPolicy.Deny);

        var account = await client.GetAsync(AccountSteps.ManagePath);
        var create = await client.GetAsync(TokenSteps.CreatePath);

        Assert.DoesNotContain("Manage tokens", account.Text);
        Assert.Equal(TokenSteps.TokensPath, create.Uri.AbsolutePath);
        Assert.NotNull(create.Document.QuerySelector("#tokens-not-allowed"));
        Assert.Null(create.Document.QuerySelector("#create-token"));
    }

    [Fact]
    public async Task CreatePost_UserDenied_CreatesNothing()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        var form = await client.GetAsync(TokenSteps.CreatePath);
        await TokenSteps.UpdateUserAsync(Factory, user.Id, stored => stored.SignInByToken = TokenPolicy.Deny);

        var page = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Label"] = "sneaky", ["Input.Scopes"] = "api" });

        Assert.Null(TokenSteps.ShownToken(page));
        Assert.Empty(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Fact]
    public async Task Pages_SayStoreTokensAsSafelyAsPasswords_AndEveryInputHasALabel()
    {
        var (_, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        var list = await client.GetAsync(TokenSteps.TokensPath);
        var create = await client.GetAsync(TokenSteps.CreatePath);

        Assert.Contains("Store tokens as safely as passwords", list.Text);
        Assert.Contains("Store tokens as safely as passwords", create.Text);
        AccountSteps.AssertEveryInputHasLabel(create);
        Assert.Equal("90", AccountSteps.Input(create, "Input.ExpiresInDays").GetAttribute("value"));
        Assert.Equal("365", AccountSteps.Input(create, "Input.ExpiresInDays").GetAttribute("max"));
        // Only scopes of clients allowed the grant, never openid or offline_access.
        var scopes = create.Document.QuerySelectorAll("input[name='Input.Scopes']").Select(input => input.GetAttribute("value") ?? "").ToArray();
        Assert.Equal(["api", "reports"], scopes);
        // The policy has a maximum, so "no expiry" is not offered.
        Assert.Null(create.Document.QuerySelector("input[name='Input.NoExpiry'][type=checkbox]"));
    }

    [Theory]
    [InlineData("", "Enter a label.")]
    [InlineData("     ", "Enter a label.")]
    [InlineData("abcdefghijklmnopqrstu", "The label can have at most 20 characters.")]
    public async Task Create_BadLabel_ShowsItsOwnMessageAndCreatesNothing(string label, string message)
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.CreateAsync(client, label);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, AccountSteps.AlertText(page));
        Assert.Null(TokenSteps.ShownToken(page));
        Assert.Empty(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Fact]
    public async Task Create_TwentyCharactersWithSpacesAround_IsTrimmedAndAccepted()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.CreateAsync(client, "  abcdefghijklmnopqrst  ");

        Assert.NotNull(TokenSteps.ShownToken(page));
        Assert.Equal("abcdefghijklmnopqrst", Assert.Single(await TokenSteps.ReadAllAsync(Factory, user.Id)).Label);
    }

    [Fact]
    public async Task Create_DuplicateOfActiveLabel_IsRefusedWithItsOwnMessage()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        await TokenSteps.IssueAsync(Factory, user.Id, label: "deploy");

        var page = await TokenSteps.CreateAsync(client, " deploy ");

        Assert.Contains("You already have an active token labelled \"deploy\"", AccountSteps.AlertText(page));
        Assert.Null(TokenSteps.ShownToken(page));
        Assert.Single(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Fact]
    public async Task Create_LabelOfRevokedToken_MayBeReused()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        var old = await TokenSteps.IssueAsync(Factory, user.Id, label: "deploy");
        Assert.True(await TokenSteps.RevokeAsync(Factory, user.Id, old.Id));

        var page = await TokenSteps.CreateAsync(client, "deploy");

        Assert.NotNull(TokenSteps.ShownToken(page));
        Assert.Equal(2, (await TokenSteps.ReadAllAsync(Factory, user.Id)).Count(token => token.Label == "deploy"));
    }

    [Fact]
    public async Task Create_SameLabelAsAnotherUsersToken_IsAccepted()
    {
        var other = await TwoStepSteps.CreateUserAsync(Factory);
        await TokenSteps.IssueAsync(Factory, other.Id, label: "deploy");
        var (_, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        Assert.NotNull(TokenSteps.ShownToken(await TokenSteps.CreateAsync(client, "deploy")));
    }

    [Fact]
    public async Task Create_SameLabelTwiceAtOnce_OnlyOneSucceeds()
    {
        var user = await TwoStepSteps.CreateUserAsync(Factory);
        for (var round = 0; round < 5; round++)
        {
            var label = $"race-{round}";
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                using var scope = Factory.Services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<UserTokens>()
                    .CreateAsync(user.Id, new NewTokenInput(label, 30, false, ["api"]));
            })));

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
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.CreateAsync(client, "expiry", days);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, AccountSteps.AlertText(page));
        Assert.Empty(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Fact]
    public async Task Create_NoExpiryWhilePolicyHasMaximum_IsRefused()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.SubmitCreateAsync(client, ("Input.Label", "forever"), ("Input.NoExpiry", "true"), ("Input.Scopes", "api"));

        Assert.Contains("Every token must expire: choose at most 365 days.", AccountSteps.AlertText(page));
        Assert.Empty(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Theory]
    [InlineData(null, "Choose at least one scope.")]
    [InlineData("openid", "Choose scopes from the list.")]
    [InlineData("admin", "Choose scopes from the list.")]
    public async Task Create_BadScopes_AreRefused(string? scope, string message)
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        (string, string)[] fields = scope is null
            ? [("Input.Label", "scopes"), ("Input.ExpiresInDays", "30")]
            : [("Input.Label", "scopes"), ("Input.ExpiresInDays", "30"), ("Input.Scopes", scope)];

        var page = await TokenSteps.SubmitCreateAsync(client, fields);

        Assert.Contains(message, AccountSteps.AlertText(page));
        Assert.Empty(await TokenSteps.ReadAllAsync(Factory, user.Id));
    }

    [Fact]
    public async Task Create_Valid_ShowsTheTokenOnceAndStoresOnlyItsHash()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.SubmitCreateAsync(client,
            ("Input.Label", "backup"), ("Input.ExpiresInDays", "7"), ("Input.Scopes", "api"), ("Input.Scopes", "reports"));

        var secret = TokenSteps.ShownToken(page);
        Assert.True(PersonalAccessTokenFormat.IsWellFormed(secret), $"Not a token: {secret}");
        var field = page.Document.QuerySelector("input#new-token")!;
        Assert.True(field.HasAttribute("readonly"));
        Assert.NotNull(page.Document.QuerySelector("label[for='new-token']"));
        Assert.Equal("new-token", page.Document.QuerySelector("button#copy-token")?.GetAttribute("data-copy-target"));
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/copy.js']"));
        Assert.Contains("cannot be shown again", page.Text);
        Assert.Contains("no-store", page.Response.Headers.CacheControl?.ToString());
        Assert.Equal(TokenSteps.TokensPath, page.Document.QuerySelector("a#close")?.GetAttribute("href"));

        // Never again: not on the list, not on a fresh form, not in the status message.
        var list = await client.GetAsync(TokenSteps.TokensPath);
        Assert.Contains("\"backup\" was created", list.Text);
        Assert.DoesNotContain(secret!, list.Body);
        Assert.DoesNotContain(secret!, (await client.GetAsync(TokenSteps.CreatePath)).Body);

        var stored = Assert.Single(await TokenSteps.ReadAllAsync(Factory, user.Id));
        Assert.Equal("backup", stored.Label);
        Assert.Equal("api reports", stored.Scopes);
        Assert.Equal(Factory.Clock.GetUtcNow().AddDays(7).UtcDateTime, stored.ExpiresAt!.Value.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal(PersonalAccessTokenHasher.HashLength, stored.Hash.Length);
        await TableScan.AssertNowhereAsync(Factory, secret!);
        Assert.DoesNotContain(Factory.Logs.Lines, line => line.Contains(secret!, StringComparison.Ordinal));
        var created = Assert.Single(await TwoStepSteps.SecurityEventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.TokenCreated);
        Assert.Contains(stored.Id.ToString(), created.Detail);

        // The token shown is the one stored: it works.
        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(client.Http, secret!)).Status);
    }

    [Fact]
    public async Task List_ShowsLabelLastAccessCreatedExpiresAndRevoke()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        var used = await TokenSteps.IssueAsync(Factory, user.Id, label: "used", days: 10);
        var unused = await TokenSteps.IssueAsync(Factory, user.Id, label: "unused", days: 10);
        var revoked = await TokenSteps.IssueAsync(Factory, user.Id, label: "gone", days: 10);
        await TokenSteps.RevokeAsync(Factory, user.Id, revoked.Id);
        await TokenSteps.ExchangeAsync(client.Http, used.Secret);

        var page = await client.GetAsync(TokenSteps.TokensPath);

        var headers = page.Document.QuerySelectorAll("#tokens thead th").Select(cell => cell.TextContent.Trim()).ToArray();
        Assert.Equal(["Label", "Last access", "Created", "Expires", "Revoke"], headers);
        string[] Row(Guid id) => page.Document.QuerySelectorAll($"tr[data-token-id='{id}'] td").Select(cell => cell.TextContent.Trim()).ToArray();
        var now = Factory.Clock.GetUtcNow();
        Assert.Equal(["unused", "No access yet", TokenDisplay.Date(now), TokenDisplay.Date(now.AddDays(10)), "Revoke"], Row(unused.Id));
        Assert.Equal(TokenDisplay.Moment(now), Row(used.Id)[1]);
        Assert.Empty(Row(revoked.Id));
        Assert.Equal(["unused", "used"], (await TokenSteps.ListedLabelsAsync(client)).Order());
    }
}
