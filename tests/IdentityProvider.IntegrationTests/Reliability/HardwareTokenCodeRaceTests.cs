using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>A provider of its own: the parallel losers lock their user out.</summary>
public sealed class HardwareTokenCodeRaceFixture : ProviderFixture;

/// <summary>
/// One code of an assigned hardware token, submitted by 50 half-finished sign-ins at once (a typed code seen over a
/// shoulder, replayed from many machines): accepted exactly once, because the token is a device and the same
/// conditional UPDATE decides; the others are refused cleanly, never with a 500.
/// </summary>
public sealed class HardwareTokenCodeRaceTests(HardwareTokenCodeRaceFixture fixture) : IClassFixture<HardwareTokenCodeRaceFixture>
{
    private const int Parallel = 50;

    [Fact]
    public async Task FiftyParallelSubmissionsOfOneTokenCode_ExactlyOneSignIn_NoServerError()
    {
        var factory = fixture.Factory;
        using var admin = await AdminApiStories.ServiceApiClientAsync(factory);
        var (serial, token) = await HardwareTokenStories.ImportRandomTokenAsync(admin, OtpType.Hotp, digits: 8);
        var user = await UserStories.CreateUserAsync(factory);
        await HardwareTokenStories.AssignAsync(admin, serial, user.Email);
        var clients = Enumerable.Range(0, Parallel).Select(_ => fixture.CreateClient()).ToList();
        try
        {
            var pages = new List<TwoStepPage>();
            foreach (var client in clients)
            {
                pages.Add(await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user));
            }

            var results = await Race.RunAsync(Parallel, index => pages[index].SubmitCodeAsync(token.HotpAt(0)));

            Assert.All(results, result => Assert.True((int)result.Status < 500, $"{result.Uri} answered {(int)result.Status}."));
            Assert.Equal(1, results.Winners(result => result.ExternalRedirect is not null && result.RedirectQuery.ContainsKey("code")));
            Assert.All(results.Where(result => result.ExternalRedirect is null),
                result => Assert.True(result.Uri.AbsolutePath is TwoStepPage.Path or LoginPage.Path, $"A losing submission ended on {result.Uri}."));
            var device = await factory.QueryAsync(db => Task.FromResult(db.OtpDevices.Single(row => row.UserId == user.Id)));
            Assert.Equal(1, device.NextCounter);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }
}
