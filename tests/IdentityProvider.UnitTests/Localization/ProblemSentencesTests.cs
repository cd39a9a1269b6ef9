using IdentityProvider.Admin.Dashboard;
using IdentityProvider.Admin.SecurityEvents;
using IdentityProvider.Auditing;
using IdentityProvider.Clients;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Profiles;
using IdentityProvider.Settings;
using IdentityProvider.Text;
using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.Localization;

/// <summary>
/// The sentences whose keys are built from a value (a problem, a status, a grant type) exist for every value, in every
/// language: the keys <see cref="ResourceKeysTests"/> cannot read from the source.
/// </summary>
public sealed class ProblemSentencesTests
{
    /// <summary>Inputs a name field refuses, one per problem.</summary>
    private static readonly string[] RefusedNames = ["", "bell\u0007", "lone" + (char)0xD800, new('x', 300)];

    [Fact]
    public void EveryProblemOfATypedCode_HasItsSentence() =>
        AssertInResources(Enum.GetValues<OtpCodeProblem>().Where(problem => problem != OtpCodeProblem.None).Select(problem => new OtpCodeError(problem, 6).Message!));

    [Fact]
    public void EveryProblemOfEveryNamedThing_HasItsSentence() =>
        AssertInResources(RefusedNames.SelectMany(input => new[]
        {
            TokenLabel.TryNormalize(input, out _, out var label) ? null : label.Message,
            ProfileFields.Name(input, out _),
            ProfileFields.GivenName(input, out _),
            ProfileFields.FamilyName(input, out _),
            DisplayText.TryNormalize(input, OtpEnrolmentError.DeviceNameTexts, OtpEnrolment.MaxNameLength, out _, out var device) ? null : device.Message,
        }).OfType<Sentence>());

    [Fact]
    public void EveryEnrolmentProblem_HasItsSentence() =>
        AssertInResources(Enum.GetValues<OtpEnrolmentProblem>().Select(problem => new OtpEnrolmentError(
            problem,
            new DisplayTextError(DisplayTextProblem.Missing, OtpEnrolmentError.DeviceNameTexts, OtpEnrolment.MaxNameLength),
            new OtpCodeError(OtpCodeProblem.Missing, 6)).Message));

    [Fact]
    public void EveryStatusGrantTypeAndClientKind_HasItsName() =>
        AssertInResources(
        [
            .. HardwareTokenStatus.All.Select(HardwareTokenStatus.Name),
            HardwareTokenStatus.Kind("totp", "SHA1", 6, 30),
            HardwareTokenStatus.Kind("hotp", "SHA1", 6, 0),
            .. ClientGrantTypes.All.Select(ClientGrantTypes.Name),
            ClientRegistration.TypeName(ClientRegistration.Confidential),
            ClientRegistration.TypeName(ClientRegistration.Public),
            ClientRegistration.ConsentTypeName(ClientRegistration.Implicit),
            ClientRegistration.ConsentTypeName(ClientRegistration.Explicit),
        ]);

    [Fact]
    public void EverySecurityEventKind_HasItsWordsForAdministrators()
    {
        var keys = SecurityEventKinds.All.Select(kind => new SecurityEventRow(0, default, kind, null, null, null, null, null, null, null).WordsKey)
            .Concat(new[] { "pwd otp mfa", "pwd hwk mfa", "hwk user mfa" }
                .Select(methods => new SecurityEventRow(0, default, SecurityEventKinds.SignInSucceeded, null, null, null, null, null, null, null, methods).WordsKey));
        var missing = keys
            .SelectMany(key => UiSettings.Translated.Where(language => !ResourceKeysTests.Has(language, "AdminText", key)).Select(language => $"{key} ({language})"))
            .ToList();
        Assert.True(missing.Count == 0, "Event types without words: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryDashboardSeries_HasItsWordsForAdministrators()
    {
        var keys = AdminDashboard.SignInMethods.Select(method => $"Dashboard.Method.{method}")
            .Concat(AdminDashboard.FailureKinds.Select(failure => $"Dashboard.Failure.{failure.Key}"));
        var missing = keys
            .SelectMany(key => UiSettings.Translated.Where(language => !ResourceKeysTests.Has(language, "AdminText", key)).Select(language => $"{key} ({language})"))
            .ToList();
        Assert.True(missing.Count == 0, "Dashboard series without words: " + string.Join(", ", missing));
    }

    private static void AssertInResources(IEnumerable<Sentence> sentences)
    {
        var all = sentences.SelectMany(WithInner).ToList();
        Assert.NotEmpty(all);
        var missing = all
            .SelectMany(sentence => UiSettings.Translated.Where(language => !ResourceKeysTests.Has(language, "MessageText", sentence.Key)).Select(language => $"{sentence.Key} ({language})"))
            .ToList();
        Assert.True(missing.Count == 0, "Sentences without a text: " + string.Join(", ", missing));
    }

    private static IEnumerable<Sentence> WithInner(Sentence sentence) =>
        sentence.Key.Length == 0 ? [] : [sentence, .. sentence.Arguments.OfType<Sentence>().SelectMany(WithInner)];
}
