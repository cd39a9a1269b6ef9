using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A provider holding a known world for the dashboard, so its numbers are exact: two-step required of the role <c>staff</c>
/// (7 days' grace), users with and without devices, locked, suspended, in and past a grace period, personal access tokens,
/// hardware tokens, mails waiting, and sign-ins and failures on known UTC days of the last two weeks (and one before them).
/// An administrator and a user-manager sign in last; the tests only read.
/// </summary>
public sealed class DashboardFixture : ProviderFixture
{
    public const string StaffRole = "staff";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TwoStep:RequiredForRoles:0"] = StaffRole,
        ["TwoStep:GracePeriodDays"] = "7",
    };

    /// <summary>The first day of the charts (13 days before the day the tests read them, in UTC).</summary>
    public DateOnly FirstDay { get; private set; }

    public ProviderClient AdminClient { get; private set; } = null!;

    public ProviderClient ManagerClient { get; private set; } = null!;

    public TestUser Admin { get; private set; } = null!;

    public TestUser Manager { get; private set; } = null!;

    public TestUser StaffWithDevice { get; private set; } = null!;

    public TestUser StaffInGrace { get; private set; } = null!;

    public TestUser StaffGraceOver { get; private set; } = null!;

    public TestUser StaffNoGrace { get; private set; } = null!;

    public TestUser Locked { get; private set; } = null!;

    public TestUser LockOver { get; private set; } = null!;

    public TestUser Suspended { get; private set; } = null!;

    public TestUser SuspendedWithDevice { get; private set; } = null!;

    public TestUser SuspensionOver { get; private set; } = null!;

    public string AliceId { get; private set; } = "";

    public string BobId { get; private set; } = "";

    public IReadOnlyList<string> InStockSerials { get; private set; } = [];

    public IReadOnlyList<string> LostSerials { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SecurityLogDaysAsync();
        await UsersAsync();
        await TokensAndMailAsync();
        (AdminClient, Admin, _) = await UserStories.SignedInWithRoleAsync(this, ProviderRoles.Administrator);
        (ManagerClient, Manager, _) = await UserStories.SignedInWithRoleAsync(this, ProviderRoles.UserManager);
        await WaitForNoDueMailAsync(); // the notices of their devices and sign-ins
    }

    public override async Task DisposeAsync()
    {
        AdminClient?.Dispose();
        ManagerClient?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// From noon (UTC) 14 days before the day the tests read, a day at a time: what each day logged (<see cref="DashboardTests"/>
    /// knows the numbers), with one sign-in half a minute before midnight and one half a minute after.
    /// </summary>
    private async Task SecurityLogDaysAsync()
    {
        var clock = Factory.Clock;
        var now = clock.GetUtcNow();
        clock.Advance(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(12), TimeSpan.Zero) - now);
        FirstDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        string[] password = ["pwd"], twoSteps = ["pwd", "otp", "mfa"], external = ["fed"], externalTwoSteps = ["fed", "otp", "mfa"];

        // The day before the charts: nothing of it is counted.
        await LogAsync(SecurityEventKinds.SignInSucceeded, 5, password);
        await LogAsync(SecurityEventKinds.PasswordFailed, 4);
        await NextDayAsync(); // day 0
        await LogAsync(SecurityEventKinds.SignInSucceeded, 2, password);
        await LogAsync(SecurityEventKinds.PasswordFailed, 1);
        await LogAsync(SecurityEventKinds.SignInThrottled, 3); // not a failure the chart counts
        for (var day = 1; day <= 3; day++)
        {
            await NextDayAsync();
        }

        await LogAsync(SecurityEventKinds.SignInSucceeded, 1, twoSteps); // day 3
        await LogAsync(SecurityEventKinds.SignInSucceeded, 1, external);
        await LogAsync(SecurityEventKinds.OtpFailed, 2);
        await LogAsync(SecurityEventKinds.LockedOut, 1);
        await LogAsync(SecurityEventKinds.PasswordChanged, 1);
        for (var day = 4; day <= 6; day++)
        {
            await NextDayAsync();
        }

        clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(30)); // day 6, 23:59:30
        await LogAsync(SecurityEventKinds.SignInSucceeded, 1, password);
        clock.Advance(TimeSpan.FromMinutes(1)); // day 7, 00:00:30
        await LogAsync(SecurityEventKinds.SignInSucceeded, 1, password);
        clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(30)); // day 7, noon
        await LogAsync(SecurityEventKinds.SignInSucceeded, 1, externalTwoSteps);
        await LogAsync(SecurityEventKinds.RecoveryCodeFailed, 3);
        for (var day = 8; day <= 13; day++)
        {
            await NextDayAsync();
        }

        await LogAsync(SecurityEventKinds.SignInSucceeded, 1, password); // today; the administrator's and the manager's sign-ins follow
    }

    private async Task UsersAsync()
    {
        var now = Factory.Clock.GetUtcNow();
        var seeded = await Factory.QueryAsync(db => db.Users.AsNoTracking().Select(user => new { user.Id, user.Email }).ToListAsync());
        AliceId = seeded.Single(user => user.Email == "alice@example.com").Id;
        BobId = seeded.Single(user => user.Email == "bob@example.com").Id;
        StaffWithDevice = await UserStories.CreateUserAsync(Factory, StaffRole);
        await UserStories.EnrolTotpAsync(Factory, StaffWithDevice.Id);
        StaffInGrace = await UserStories.CreateUserAsync(Factory, StaffRole);
        StaffGraceOver = await UserStories.CreateUserAsync(Factory, StaffRole);
        StaffNoGrace = await UserStories.CreateUserAsync(Factory, StaffRole);
        Locked = await UserStories.CreateUserAsync(Factory);
        LockOver = await UserStories.CreateUserAsync(Factory);
        Suspended = await UserStories.CreateUserAsync(Factory);
        SuspendedWithDevice = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, SuspendedWithDevice.Id);
        SuspensionOver = await UserStories.CreateUserAsync(Factory);
        await Factory.UpdateUserAsync(StaffInGrace.Id, user => user.TwoStepGraceStartedAt = now.AddDays(-2));
        await Factory.UpdateUserAsync(StaffGraceOver.Id, user => user.TwoStepGraceStartedAt = now.AddDays(-10));
        await Factory.UpdateUserAsync(Locked.Id, user => (user.LockoutEnabled, user.LockoutEnd, user.LastSignInAt) = (true, now.AddHours(1), now.AddDays(-1)));
        await Factory.UpdateUserAsync(LockOver.Id, user => (user.LockoutEnabled, user.LockoutEnd) = (true, now.AddHours(-1)));
        await Factory.UpdateUserAsync(Suspended.Id, user => user.TwoStepDisabledUntil = now.AddDays(3));
        await Factory.UpdateUserAsync(SuspendedWithDevice.Id, user => user.TwoStepDisabledIndefinitely = true);
        await Factory.UpdateUserAsync(SuspensionOver.Id, user => user.TwoStepDisabledUntil = now.AddDays(-1));
        await Factory.UpdateUserAsync(StaffWithDevice.Id, user => user.LastSignInAt = now.AddDays(-3));
        await Factory.UpdateUserAsync(BobId, user => user.LastSignInAt = now.AddHours(-2));
    }

    /// <summary>
    /// Personal access tokens (3 active, 1 of them expiring within 14 days; a revoked and an expired one), hardware tokens
    /// (3 in stock, 1 assigned, 2 lost, 1 disabled) and 3 mails waiting (1 sent), after every mail due was sent.
    /// </summary>
    private async Task TokensAndMailAsync()
    {
        var now = Factory.Clock.GetUtcNow();
        InStockSerials = [.. Enumerable.Range(1, 3).Select(number => $"DASH-STOCK-{number}")];
        LostSerials = ["DASH-LOST-1", "DASH-LOST-2"];
        await WaitForNoDueMailAsync();
        await Factory.QueryAsync(db =>
        {
            PersonalAccessToken Token(DateTimeOffset? expires, DateTimeOffset? revoked = null) => new()
            {
                Id = Guid.NewGuid(),
                UserId = StaffWithDevice.Id,
                Label = $"t-{Guid.NewGuid():N}"[..12],
                Hash = Guid.NewGuid().ToByteArray(),
                Scopes = "api",
                CreatedAt = now.AddDays(-1),
                ExpiresAt = expires,
                RevokedAt = revoked,
            };
            db.PersonalAccessTokens.AddRange(
                Token(null), Token(now.AddDays(5)), Token(now.AddDays(20)), Token(now.AddDays(3), revoked: now.AddHours(-1)), Token(now.AddDays(-1)));
            HardwareToken Hardware(string serial, string status, string? userId = null) => new()
            {
                Id = Guid.NewGuid(),
                Serial = serial,
                Status = status,
                UserId = userId,
                ProtectedSeed = "not-a-seed",
                RegisteredAt = now.AddDays(-1),
            };
            db.HardwareTokens.AddRange(InStockSerials.Select(serial => Hardware(serial, HardwareTokenStatus.InStock)));
            db.HardwareTokens.AddRange(LostSerials.Select(serial => Hardware(serial, HardwareTokenStatus.Lost, Locked.Id)));
            db.HardwareTokens.Add(Hardware("DASH-ASSIGNED", HardwareTokenStatus.Assigned, StaffWithDevice.Id));
            db.HardwareTokens.Add(Hardware("DASH-DISABLED", HardwareTokenStatus.Disabled));
            OutboxMail Mail(DateTimeOffset? sent) => new()
            {
                Id = Guid.NewGuid(),
                Kind = "test",
                To = "nobody@example.com",
                Subject = "Waiting",
                CreatedAt = now,
                // Note: not due for a year, so the sender leaves it waiting.
                NextAttemptAt = now.AddDays(365),
                SentAt = sent,
            };
            db.OutboxMails.AddRange(Mail(null), Mail(null), Mail(null), Mail(now));
            return db.SaveChangesAsync();
        });
    }

    private async Task WaitForNoDueMailAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var now = Factory.Clock.GetUtcNow();
            if (await Factory.QueryAsync(db => db.OutboxMails.CountAsync(mail => mail.SentAt == null && mail.NextAttemptAt <= now)) == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("Mails due were not sent in 10 s.");
    }

    private Task NextDayAsync()
    {
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        return Task.CompletedTask;
    }

    private async Task LogAsync(string kind, int times, string[]? methods = null)
    {
        for (var count = 0; count < times; count++)
        {
            await Factory.WithServiceAsync<SecurityLog, int>(async log =>
            {
                await log.WriteAsync(kind, userId: null, detail: "dashboard test", methods: methods);
                return 0;
            });
        }
    }
}
