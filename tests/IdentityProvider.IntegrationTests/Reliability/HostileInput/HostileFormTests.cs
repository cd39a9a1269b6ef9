using System.Net;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability.HostileInput;

/// <summary>
/// Every form a person types into (<see cref="HostileTargets.All"/>) against every attack (<see cref="FormAttack"/>):
/// the answer is a clear refusal (400 for a request that is not a browser's form, else the form with its message),
/// never a 500, a stack trace or a database error; markup never comes back as markup; and nothing is stored, except
/// a name or label that is harmless text (markup, SQL, a duplicated field, an undecodable byte) on a form that
/// stores names, which must then be shown as text where the provider lists it.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class HostileFormTests(HostileInputFixture provider)
{
    public static TheoryData<string, FormAttack> Rows()
    {
        var rows = new TheoryData<string, FormAttack>();
        foreach (var target in HostileTargets.All)
        {
            foreach (var attack in Enum.GetValues<FormAttack>())
            {
                rows.Add(target.Name, attack);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Form_HostileInput_ClearRefusal_NothingChanged_NoServerError(string targetName, FormAttack attack)
    {
        var target = HostileTargets.Named(targetName);
        await provider.ForgetFailuresAsync();
        var (browser, owned) = await provider.BrowserAsync(target.Visitor);
        try
        {
            using var stranger = provider.CreateClient();
            var foreignToken = attack == FormAttack.ForeignAntiforgery ? await HostileForms.AntiforgeryTokenAsync(stranger) : null;
            var before = await ProviderState.FingerprintAsync(provider.Factory);
            var tracesBefore = StackTraces();

            var answer = await HostileForms.SendAsync(browser, target, attack, provider.Values, foreignToken);

            HostileAnswers.AssertNoServerErrorNorLeak(answer.Status, answer.Body);
            Assert.False(AdminConfirmPage.IsAt(answer.Uri.AbsolutePath), "The admin session needed a fresh code: the row tested nothing.");
            Assert.Equal(tracesBefore, StackTraces());
            HostileAnswers.AssertNoMarkupInjected(answer);
            var after = await ProviderState.FingerprintAsync(provider.Factory);
            switch (attack)
            {
                case FormAttack.MissingAntiforgery or FormAttack.ForgedAntiforgery or FormAttack.ForeignAntiforgery or FormAttack.JsonBody:
                    Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
                    Assert.Equal(before, after);
                    break;
                case FormAttack.OversizedBody:
                    Assert.True(answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)answer.Status}");
                    Assert.Equal(before, after);
                    break;
                case var _ when MayStore(target, attack):
                    if (before != after)
                    {
                        var shown = await browser.GetAsync(target.ShownAt!);
                        HostileAnswers.AssertNoMarkupInjected(shown);
                    }

                    break;
                default:
                    Assert.True(before == after, $"{target.Name} stored {attack}:\n{Difference(before, after)}");
                    Assert.True(HostileAnswers.IsClearRefusal(answer), $"{target.Name} gave no message for {attack}: ({(int)answer.Status}) {answer.Uri} {answer.Text.Trim()[..Math.Min(400, answer.Text.Trim().Length)]}");
                    break;
            }
        }
        finally
        {
            if (owned)
            {
                browser.Dispose();
            }
        }
    }

    /// <summary>Harmless text a form that stores names may keep (and must then show as text).</summary>
    private static bool MayStore(FormTarget target, FormAttack attack) =>
        target.ShownAt is not null
        && attack is FormAttack.Html or FormAttack.Sql or FormAttack.DuplicatedFields or FormAttack.PercentEncodedInvalidUtf8 or FormAttack.RawInvalidUtf8;

    private int StackTraces() => provider.Factory.Logs.Lines.Count(line => line.Contains("   at ", StringComparison.Ordinal));

    private static string Difference(string before, string after) =>
        string.Join("\n", after.Split('\n').Except(before.Split('\n')).Select(line => "+ " + line)
            .Concat(before.Split('\n').Except(after.Split('\n')).Select(line => "- " + line)));
}
