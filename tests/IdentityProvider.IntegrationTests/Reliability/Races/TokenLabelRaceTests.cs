using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdentityProvider.IntegrationTests.Reliability.Races;

/// <summary>
/// "Create token" submitted 50 times at once with the same label (a double-click times fifty, or a script): exactly
/// one token is created and shown; every other submission is the form again with the "label already used" message;
/// nobody gets a server error, and the database and the security log hold one token.
/// </summary>
[Collection(nameof(RaceCollection))]
public sealed class TokenLabelRaceTests(RaceFixture provider)
{
    private const string Label = "deploy";

    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task FiftyParallelCreatesWithOneLabel_ExactlyOneToken()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var form = await CreateTokenPage.OpenAsync(client);

        var results = await Race.RunAsync(Racers.Parallel, _ => form.TrySubmitAsync(TokenForm.Valid(Label)));

        Racers.AssertNoServerError(results);
        var pages = results.Select(result => result.As<CreateTokenPage>()).ToList();
        var shown = pages.Where(page => page.NewToken is not null).ToList();
        Assert.True(shown.Count == 1, $"{shown.Count} of {Racers.Parallel} parallel creates with one label showed a token.");
        Assert.All(pages.Where(page => page.NewToken is null),
            page => Assert.Contains($"You already have an active token labelled \"{Label}\"", page.Alerts));
        var stored = await Factory.QueryAsync(db => db.PersonalAccessTokens.AsNoTracking().Where(token => token.UserId == user.Id).ToListAsync());
        Assert.Equal(Label, Assert.Single(stored).Label);
        Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TokenCreated);
        Assert.Equal(1, await Factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreAuthorization>()
            .CountAsync(authorization => authorization.Subject == user.Id)));
    }
}
