using System.Security.Cryptography;
using System.Text;
using IdentityProvider.Data;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>Codes exist in clear only on the page that shows them: not in the database, not in the log.</summary>
public sealed class RecoveryCodeStorageTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task Database_HoldsOnlySaltedHashesOfTheCodes()
    {
        var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device);
        var manage = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();
        var show = await manage.GenerateAsync(user.Password).As<ShowRecoveryCodesPage>();
        var codes = show.Codes;
        Assert.Equal(10, codes.Count);

        // Every column of every row of the table, as the database renders it.
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var dump = string.Join("\n", await db.Database
            .SqlQueryRaw<string>("SELECT row_to_json(code)::text AS \"Value\" FROM \"RecoveryCodes\" AS code")
            .ToListAsync());
        Assert.Contains(user.Id, dump);
        foreach (var code in codes)
        {
            foreach (var form in Forms(code))
            {
                Assert.DoesNotContain(form, dump, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes(form)), dump, StringComparison.OrdinalIgnoreCase);
            }
        }

        // Each row is SHA-256 over its own salt and one code: salted, one code per row, salts all different.
        var rows = await Factory.ReadRecoveryCodesAsync(user.Id);
        Assert.Equal(10, rows.Count);
        Assert.Equal(10, rows.Select(row => Convert.ToHexString(row.Salt)).Distinct().Count());
        Assert.All(rows, row =>
        {
            Assert.Equal(16, row.Salt.Length);
            Assert.Single(codes, code => SHA256.HashData([.. row.Salt, .. Encoding.UTF8.GetBytes(code.Replace("-", ""))]).SequenceEqual(row.Hash));
            Assert.DoesNotContain(codes, code => SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", ""))).SequenceEqual(row.Hash));
        });
    }

    [Fact]
    public async Task LogsAndSecurityLog_NeverContainACode()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var page = await (await UserStories.PasswordToOtpPageAsync(client, request, user)).UseRecoveryCodeAsync();
        page = await page.SubmitCodeAsync("zzzz-zzzz-zzzz-zzzz").As<RecoveryCodePage>();
        await UserStories.ExchangeCodeAsync(client, request, await page.SubmitCodeAsync(codes[4].ToUpperInvariant()));
        using var again = fixture.CreateClient();
        await (await (await UserStories.PasswordToOtpPageAsync(again, UserStories.WebRequest(), user)).UseRecoveryCodeAsync()).SubmitCodeAsync(codes[4]);

        var logs = string.Join("\n", Factory.Logs.Lines);
        var events = string.Join("\n", (await Factory.SecurityEventsAsync(user.Id)).Select(row => row.Detail));
        Assert.Contains(user.Id, logs);
        foreach (var form in codes.SelectMany(Forms).Append("zzzz-zzzz-zzzz-zzzz").Append("zzzzzzzzzzzzzzzz"))
        {
            Assert.DoesNotContain(form, logs, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(form, events, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The ways a code could be written: as shown, without dashes, with spaces.</summary>
    private static IEnumerable<string> Forms(string code) => [code, code.Replace("-", ""), code.Replace("-", " ")];
}
