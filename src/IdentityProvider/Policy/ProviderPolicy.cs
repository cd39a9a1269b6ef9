using IdentityProvider.Localization;
using IdentityProvider.Settings;

namespace IdentityProvider.Policy;

/// <summary>
/// The rules an administrator may change while the provider runs (admin area: Policy). Configuration
/// supplies the defaults (<see cref="FromSettings"/>); once saved, the stored document wins on every instance.
/// </summary>
public sealed record ProviderPolicy
{
    public const int MaxDays = 3650;

    /// <summary>Every user must use two-step sign-in (after <see cref="GracePeriodDays"/>), whatever their roles.</summary>
    public bool TwoStepRequiredForEveryone { get; init; }

    /// <summary>Roles whose members must use two-step sign-in (after <see cref="GracePeriodDays"/>).</summary>
    public string[] TwoStepRequiredForRoles { get; init; } = [];

    public int GracePeriodDays { get; init; } = 7;

    /// <summary>Which kinds of authenticator app users may enrol. Note: devices already enrolled keep working.</summary>
    public bool TotpAllowed { get; init; } = true;

    public bool HotpAllowed { get; init; } = true;

    public int TotpWindow { get; init; } = 1;

    public int HotpLookAhead { get; init; } = 10;

    /// <summary>Consecutive failed passwords or codes that lock the account, and for how long.</summary>
    public int LockoutThreshold { get; init; } = 5;

    public int LockoutMinutes { get; init; } = 15;

    /// <summary>How long "remember this browser" lasts by default; 0 = not offered.</summary>
    public int RememberBrowserDays { get; init; } = 30;

    /// <summary>Per role; the shortest period among a user's roles applies.</summary>
    public Dictionary<string, int> RememberBrowserDaysByRole { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public bool RecoveryCodesEnabled { get; init; } = true;

    /// <summary>What passkeys may do: nothing, the second step, or also a sign-in without a password.</summary>
    public PasskeyUse Passkeys { get; init; } = PasskeyUse.Passwordless;

    /// <summary>
    /// Roles whose members must sign in with a passkey as one of the two steps (after <see cref="GracePeriodDays"/> for
    /// those without one); ignored while passkeys are off.
    /// </summary>
    public string[] PasskeyRequiredForRoles { get; init; } = [];

    /// <summary>The provider-wide "Allow sign-in by token"; administrators may override it per user.</summary>
    public bool TokenSignInAllowed { get; init; }

    public int TokenDefaultLifetimeDays { get; init; } = 90;

    /// <summary>0 = no maximum ("no expiry" is then offered).</summary>
    public int TokenMaxLifetimeDays { get; init; } = 365;

    /// <summary>The scopes a personal access token may carry; empty = every scope a token client may request.</summary>
    public string[] TokenScopes { get; init; } = [];

    /// <summary>
    /// Administrators may sign in as a user (not as another administrator), with a reason and a fresh code, for at most
    /// 30 minutes; off by default outside Development.
    /// </summary>
    public bool SignInAsUserAllowed { get; init; }

    public static ProviderPolicy FromSettings(ProviderSettings settings) => new()
    {
        TwoStepRequiredForEveryone = settings.TwoStep.RequiredForEveryone,
        TwoStepRequiredForRoles = settings.TwoStep.RequiredForRoles,
        GracePeriodDays = settings.TwoStep.GracePeriodDays,
        TotpWindow = settings.TwoStep.TotpWindow,
        HotpLookAhead = settings.TwoStep.HotpLookAhead,
        LockoutThreshold = settings.Lockout.MaxFailedAttempts,
        LockoutMinutes = settings.Lockout.DurationMinutes,
        RememberBrowserDays = settings.TwoStep.RememberBrowserDays,
        RememberBrowserDaysByRole = new(settings.TwoStep.RememberBrowserDaysByRole, StringComparer.OrdinalIgnoreCase),
        RecoveryCodesEnabled = settings.TwoStep.RecoveryCodesEnabled,
        TokenSignInAllowed = settings.Tokens.AllowSignInByToken,
        TokenDefaultLifetimeDays = settings.Tokens.DefaultLifetimeDays,
        TokenMaxLifetimeDays = settings.Tokens.MaxLifetimeDays,
        SignInAsUserAllowed = settings.Administration.SignInAsUser,
    };

    /// <summary>What refuses a passkey choice that is none of <see cref="PasskeyUse"/>'s: the names it may take.</summary>
    public static readonly Sentence PasskeyChoices = new("Policy.Passkeys.Unknown", string.Join(", ", Enum.GetNames<PasskeyUse>()));

    /// <summary>Every rule broken, as (field, message); empty when the policy may be saved.</summary>
    public IReadOnlyList<FieldProblem> Problems()
    {
        var problems = new List<FieldProblem>();
        void Range(string field, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                problems.Add(new(field, new Sentence($"Policy.Range.{field}", min, max)));
            }
        }

        Range(nameof(GracePeriodDays), GracePeriodDays, 0, 365);
        Range(nameof(TotpWindow), TotpWindow, 0, 10);
        Range(nameof(HotpLookAhead), HotpLookAhead, 0, 100);
        Range(nameof(LockoutThreshold), LockoutThreshold, 1, 100);
        Range(nameof(LockoutMinutes), LockoutMinutes, 1, 7 * 24 * 60);
        Range(nameof(RememberBrowserDays), RememberBrowserDays, 0, 365);
        Range(nameof(TokenDefaultLifetimeDays), TokenDefaultLifetimeDays, 1, MaxDays);
        Range(nameof(TokenMaxLifetimeDays), TokenMaxLifetimeDays, 0, MaxDays);
        if (!TotpAllowed && !HotpAllowed)
        {
            problems.Add(new(nameof(TotpAllowed), new Sentence("Policy.NoAppKind")));
        }

        // Note: JSON may carry a number for the choice; only a named one is a choice.
        if (!Enum.IsDefined(Passkeys))
        {
            problems.Add(new(nameof(Passkeys), PasskeyChoices));
        }

        if (TokenMaxLifetimeDays > 0 && TokenDefaultLifetimeDays > TokenMaxLifetimeDays)
        {
            problems.Add(new(nameof(TokenDefaultLifetimeDays), new Sentence("Policy.DefaultAboveMaximum")));
        }

        foreach (var (role, days) in RememberBrowserDaysByRole)
        {
            if (string.IsNullOrWhiteSpace(role) || days is < 0 or > 365)
            {
                problems.Add(new(nameof(RememberBrowserDaysByRole), new Sentence("Policy.RoleDays.Range", role)));
            }
        }

        if (TwoStepRequiredForRoles.Concat(PasskeyRequiredForRoles).Any(string.IsNullOrWhiteSpace)
            || TokenScopes.Any(scope => string.IsNullOrWhiteSpace(scope) || scope.Contains(' ')))
        {
            problems.Add(new(nameof(TwoStepRequiredForRoles), new Sentence("Policy.NamesWithoutSpaces")));
        }

        return problems;
    }
}
