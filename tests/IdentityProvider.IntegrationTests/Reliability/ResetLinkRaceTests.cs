using IdentityProvider.IntegrationTests.Email;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability;

public sealed class ResetLinkRaceFixture : MailProviderFixture;

/// <summary>
/// One password-reset link opened in 50 browsers and submitted by all at once, each with another password: exactly
/// one password is set (the link is spent by one conditional UPDATE), the others are told the link is void, and
/// the password that won is the one that signs in.
/// </summary>
public sealed class ResetLinkRaceTests(ResetLinkRaceFixture provider) : IClassFixture<ResetLinkRaceFixture>
{
    private const int Parallel = 50;

    [Fact]
    public async Task FiftyParallelResetsWithOneLink_ExactlyOnePasswordSet_NoServerError()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var requester = provider.CreateClient();
        var link = await MailStories.RequestResetLinkAsync(requester, provider.Mail, user.Email);
        var clients = Enumerable.Range(0, Parallel).Select(_ => provider.CreateClient()).ToList();
        try
        {
            var forms = new List<ResetPasswordPage>();
            foreach (var client in clients)
            {
                forms.Add(await ResetPasswordPage.OpenAsync(client, link));
            }

            var results = await Race.RunAsync(Parallel, index => forms[index].ResetAsync($"raced-password-{index:D2}"));

            Assert.All(results, result => Assert.True((int)result.Status < 500, $"A reset answered {(int)result.Status}."));
            var winners = Enumerable.Range(0, Parallel).Where(index => results[index].SaysPasswordReset).ToList();
            Assert.True(winners.Count == 1, $"{winners.Count} of {Parallel} parallel resets with one link succeeded.");
            Assert.All(Enumerable.Range(0, Parallel).Except(winners), index => Assert.True(results[index].SaysLinkInvalid));
            (await UserStories.SignInWithPasswordAsync(provider.CreateClient(), user.Email, $"raced-password-{winners[0]:D2}")).As<ManagePage>();
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }
}
