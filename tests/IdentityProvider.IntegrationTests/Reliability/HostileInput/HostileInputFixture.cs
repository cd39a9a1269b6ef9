using IdentityProvider.Data.Entities;
using IdentityProvider.PasswordReset;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.Reliability.HostileInput;

/// <summary>The hostile-input suite's classes share one provider (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class HostileInputCollection : ICollectionFixture<HostileInputFixture>
{
    public const string Name = "Hostile input";
}

/// <summary>
/// One provider for the whole hostile-input suite: an administrator signed in with both steps, a user signed in at the
/// account page, a two-step user (TOTP and recovery codes) whose sign-ins stop at the OTP step, a victim the forms
/// name, a user with a live password-reset link, a client to edit, and a public client allowed the token grant.
/// </summary>
public sealed class HostileInputFixture : ProviderFixture
{
    public const string TokenClient = "cli";

    public ProviderClient AdminBrowser { get; private set; } = null!;

    public ProviderClient AccountBrowser { get; private set; } = null!;

    public TestUser AccountUser { get; private set; } = null!;

    public TestUser TwoStepUser { get; private set; } = null!;

    public TestDevice TwoStepDevice { get; private set; } = null!;

    public TestUser Victim { get; private set; } = null!;

    private Queue<string> recoveryCodes = new();

    /// <summary>One of the two-step user's recovery codes not used yet.</summary>
    public string TakeRecoveryCode() => recoveryCodes.Dequeue();

    public string EditedClient { get; private set; } = "";

    /// <summary>The ids the pages addressed by one take (<see cref="PageCatalog.PathOf"/>), by parameter name.</summary>
    public IReadOnlyDictionary<string, string> PageIds { get; private set; } = new Dictionary<string, string>();

    /// <summary>The placeholders of <see cref="HostileTargets"/> filled for this provider.</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(TestData.TokenClient(3, TokenClient, "Scripts", "api")) { ["Tokens:AllowSignInByToken"] = "true" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (AdminBrowser, _) = await UserStories.SignedInAdminAsync(this);
        (AccountUser, AccountBrowser) = await UserStories.SignedInUserAsync(this);
        (TwoStepUser, TwoStepDevice, var codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        recoveryCodes = new Queue<string>(codes);
        Victim = await UserStories.CreateUserAsync(Factory, displayName: "Victim");
        var resetUser = await UserStories.CreateUserAsync(Factory);
        string? link;
        using (var scope = Factory.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(resetUser.Id);
            link = await scope.ServiceProvider.GetRequiredService<PasswordResetLinks>().IssueAsync(user!);
        }

        using var api = await AdminApiStories.ServiceApiClientAsync(Factory);
        EditedClient = ClientStories.NewClientId("edited");
        await ClientStories.CreateServiceClientAsync(api, EditedClient);
        var scopeName = "hostile-" + Guid.NewGuid().ToString("N")[..8];
        await ClientStories.CreateScopeAsync(api, scopeName, "Hostile", "A scope the pages show");
        var (serial, _) = await HardwareTokenStories.ImportRandomTokenAsync(api, OtpType.Hotp);
        PageIds = new Dictionary<string, string> { ["userId"] = Victim.Id, ["clientId"] = EditedClient, ["name"] = scopeName, ["serial"] = serial };
        Values = new Dictionary<string, string>
        {
            [HostileTargets.Victim] = Victim.Email,
            [HostileTargets.VictimId] = Victim.Id,
            [HostileTargets.ClientId] = EditedClient,
            [HostileTargets.ResetLink] = link ?? throw new InvalidOperationException("No reset link was issued."),
        };
    }

    /// <summary>A browser in the state <paramref name="visitor"/> needs; dispose it unless it is one of the fixture's own.</summary>
    public async Task<(ProviderClient Browser, bool Owned)> BrowserAsync(Visitor visitor)
    {
        switch (visitor)
        {
            case Visitor.Admin:
                return (AdminBrowser, false);
            case Visitor.SignedIn:
                return (AccountBrowser, false);
            case Visitor.PendingTwoStep:
                var pending = CreateClient();
                await UserStories.PasswordToOtpPageAsync(pending, UserStories.WebRequest(), TwoStepUser);
                return (pending, true);
            default:
                return (CreateClient(), true);
        }
    }

    /// <summary>
    /// Clears every failure count and lockout, so that the rows' refused passwords and codes (each counted, as they
    /// must be) never add up to a lockout that would change what the next row sees.
    /// </summary>
    public Task ForgetFailuresAsync() =>
        Factory.QueryAsync(db => db.Users.ExecuteUpdateAsync(users => users.SetProperty(user => user.AccessFailedCount, 0).SetProperty(user => user.LockoutEnd, (DateTimeOffset?)null)));

    public override async Task DisposeAsync()
    {
        AdminBrowser?.Dispose();
        AccountBrowser?.Dispose();
        await base.DisposeAsync();
    }
}
