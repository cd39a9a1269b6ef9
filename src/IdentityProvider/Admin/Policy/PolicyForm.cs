using System.ComponentModel.DataAnnotations;
using System.Globalization;
using IdentityProvider.Localization;
using IdentityProvider.Policy;

namespace IdentityProvider.Admin.Policy;

/// <summary>
/// The admin Policy page's form: every field of <see cref="ProviderPolicy"/> (the roles that must use two-step sign-in,
/// and those that must use a passkey, ticked; the passkey choice as radio buttons; remember-browser days typed per role;
/// the token scopes as text separated by commas or spaces), and the version it was read at. Property names match the policy's, so its problems land on the right field.
/// </summary>
public sealed class PolicyForm
{
    public const int MaxNameLength = 200;

    private static readonly char[] Separators = [',', ' ', '\t', '\r', '\n'];

    /// <summary>The version the form was read at: saving refuses when the policy moved on meanwhile.</summary>
    public long Version { get; set; }

    [Display(Name = "Policy.Field.TwoStepRequiredForEveryone")]
    public bool TwoStepRequiredForEveryone { get; set; }

    [Display(Name = "Policy.Field.TwoStepRequiredForRoles")]
    public string[]? TwoStepRequiredForRoles { get; set; }

    [Display(Name = "Policy.Field.GracePeriodDays")]
    public int? GracePeriodDays { get; set; }

    [Display(Name = "Policy.Field.TotpAllowed")]
    public bool TotpAllowed { get; set; }

    [Display(Name = "Policy.Field.HotpAllowed")]
    public bool HotpAllowed { get; set; }

    [Display(Name = "Policy.Field.TotpWindow")]
    public int? TotpWindow { get; set; }

    [Display(Name = "Policy.Field.HotpLookAhead")]
    public int? HotpLookAhead { get; set; }

    [Display(Name = "Policy.Field.LockoutThreshold")]
    public int? LockoutThreshold { get; set; }

    [Display(Name = "Policy.Field.LockoutMinutes")]
    public int? LockoutMinutes { get; set; }

    [Display(Name = "Policy.Field.RememberBrowserDays")]
    public int? RememberBrowserDays { get; set; }

    /// <summary>Days typed per role (<c>Input.RememberBrowserDaysByRole[role]</c>); blank: the default.</summary>
    [Display(Name = "Policy.Field.RememberBrowserDaysByRole")]
    public Dictionary<string, string?>? RememberBrowserDaysByRole { get; set; }

    /// <summary>The roles the form offers: the known ones and any the policy names.</summary>
    public IReadOnlyList<string> RolesOffered(IEnumerable<string> known) =>
        [.. known.Union(TwoStepRequiredForRoles ?? [], StringComparer.OrdinalIgnoreCase)
            .Union(PasskeyRequiredForRoles ?? [], StringComparer.OrdinalIgnoreCase)
            .Union(RememberBrowserDaysByRole?.Keys ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Whether <paramref name="role"/> is ticked as required to use two-step sign-in.</summary>
    public bool Requires(string role) => TwoStepRequiredForRoles?.Contains(role, StringComparer.OrdinalIgnoreCase) == true;

    /// <summary>Whether <paramref name="role"/> is ticked as required to sign in with a passkey.</summary>
    public bool RequiresPasskey(string role) => PasskeyRequiredForRoles?.Contains(role, StringComparer.OrdinalIgnoreCase) == true;

    /// <summary>The days typed for <paramref name="role"/>, or blank.</summary>
    public string? DaysFor(string role) => RememberBrowserDaysByRole?.GetValueOrDefault(role);

    [Display(Name = "Policy.Field.RecoveryCodesEnabled")]
    public bool RecoveryCodesEnabled { get; set; }

    /// <summary>One of three radio buttons; null when none was chosen (a hand-made request).</summary>
    [Display(Name = "Policy.Field.Passkeys")]
    public PasskeyUse? Passkeys { get; set; }

    [Display(Name = "Policy.Field.PasskeyRequiredForRoles")]
    public string[]? PasskeyRequiredForRoles { get; set; }

    [Display(Name = "Policy.Field.TokenSignInAllowed")]
    public bool TokenSignInAllowed { get; set; }

    [Display(Name = "Policy.Field.TokenDefaultLifetimeDays")]
    public int? TokenDefaultLifetimeDays { get; set; }

    [Display(Name = "Policy.Field.TokenMaxLifetimeDays")]
    public int? TokenMaxLifetimeDays { get; set; }

    [Display(Name = "Policy.Field.TokenScopes")]
    public string? TokenScopes { get; set; }

    [Display(Name = "Policy.Field.SignInAsUserAllowed")]
    public bool SignInAsUserAllowed { get; set; }

    public static PolicyForm From(ProviderPolicy policy, long version) => new()
    {
        Version = version,
        TwoStepRequiredForEveryone = policy.TwoStepRequiredForEveryone,
        TwoStepRequiredForRoles = policy.TwoStepRequiredForRoles,
        GracePeriodDays = policy.GracePeriodDays,
        TotpAllowed = policy.TotpAllowed,
        HotpAllowed = policy.HotpAllowed,
        TotpWindow = policy.TotpWindow,
        HotpLookAhead = policy.HotpLookAhead,
        LockoutThreshold = policy.LockoutThreshold,
        LockoutMinutes = policy.LockoutMinutes,
        RememberBrowserDays = policy.RememberBrowserDays,
        RememberBrowserDaysByRole = policy.RememberBrowserDaysByRole.ToDictionary(
            pair => pair.Key, pair => (string?)pair.Value.ToString(CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase),
        RecoveryCodesEnabled = policy.RecoveryCodesEnabled,
        Passkeys = policy.Passkeys,
        PasskeyRequiredForRoles = policy.PasskeyRequiredForRoles,
        TokenSignInAllowed = policy.TokenSignInAllowed,
        TokenDefaultLifetimeDays = policy.TokenDefaultLifetimeDays,
        TokenMaxLifetimeDays = policy.TokenMaxLifetimeDays,
        TokenScopes = string.Join(" ", policy.TokenScopes),
        SignInAsUserAllowed = policy.SignInAsUserAllowed,
    };

    /// <summary>The policy the form describes; null with a message per unreadable field (the policy's own rules are checked on saving).</summary>
    public ProviderPolicy? ToPolicy(out IReadOnlyList<FieldProblem> problems)
    {
        var found = new List<FieldProblem>();
        int Number(int? value, string field)
        {
            if (value is null)
            {
                found.Add(new(field, new Sentence($"Policy.Missing.{field}")));
            }

            return value ?? 0;
        }

        // Note: a choice that is none of the three is the policy's own rule to refuse (the API can send one too).
        if (Passkeys is null)
        {
            found.Add(new(nameof(Passkeys), new Sentence("Policy.Missing.Passkeys")));
        }

        var policy = new ProviderPolicy
        {
            TwoStepRequiredForEveryone = TwoStepRequiredForEveryone,
            TwoStepRequiredForRoles = Names(TwoStepRequiredForRoles ?? [], nameof(TwoStepRequiredForRoles), found),
            GracePeriodDays = Number(GracePeriodDays, nameof(GracePeriodDays)),
            TotpAllowed = TotpAllowed,
            HotpAllowed = HotpAllowed,
            TotpWindow = Number(TotpWindow, nameof(TotpWindow)),
            HotpLookAhead = Number(HotpLookAhead, nameof(HotpLookAhead)),
            LockoutThreshold = Number(LockoutThreshold, nameof(LockoutThreshold)),
            LockoutMinutes = Number(LockoutMinutes, nameof(LockoutMinutes)),
            RememberBrowserDays = Number(RememberBrowserDays, nameof(RememberBrowserDays)),
            RememberBrowserDaysByRole = RoleDays(RememberBrowserDaysByRole, found),
            RecoveryCodesEnabled = RecoveryCodesEnabled,
            Passkeys = Passkeys ?? default,
            PasskeyRequiredForRoles = Names(PasskeyRequiredForRoles ?? [], nameof(PasskeyRequiredForRoles), found),
            TokenSignInAllowed = TokenSignInAllowed,
            TokenDefaultLifetimeDays = Number(TokenDefaultLifetimeDays, nameof(TokenDefaultLifetimeDays)),
            TokenMaxLifetimeDays = Number(TokenMaxLifetimeDays, nameof(TokenMaxLifetimeDays)),
            TokenScopes = Names((TokenScopes ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries), nameof(TokenScopes), found),
            SignInAsUserAllowed = SignInAsUserAllowed,
        };
        problems = found;
        return found.Count == 0 ? policy : null;
    }

    /// <summary>The names, each without control characters; blanks and duplicates dropped.</summary>
    private static string[] Names(IEnumerable<string> given, string field, List<FieldProblem> problems)
    {
        var names = given.Select(name => name?.Trim() ?? "").Where(name => name.Length > 0).ToArray();
        // Note: a control character (NUL included) never reaches the database as part of a name.
        if (names.FirstOrDefault(name => name.Any(char.IsControl) || name.Length > MaxNameLength) is { } bad)
        {
            problems.Add(new(field, bad.Any(char.IsControl)
                ? new Sentence($"Policy.{field}.Control")
                : new Sentence($"Policy.{field}.TooLong", MaxNameLength)));
        }

        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The days typed for each role (a blank field: the default applies); a role or number that cannot be read is refused.</summary>
    private static Dictionary<string, int> RoleDays(Dictionary<string, string?>? typed, List<FieldProblem> problems)
    {
        var byRole = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, text) in typed ?? [])
        {
            if (text?.Trim() is not { Length: > 0 } days)
            {
                continue;
            }

            if (role.Length is 0 or > MaxNameLength || role.Any(char.IsControl) || role.Any(char.IsWhiteSpace)
                || !int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                problems.Add(new(nameof(RememberBrowserDaysByRole), new Sentence("Policy.RoleDays.NotANumber", Printable(role))));
                continue;
            }

            byRole[role] = number;
        }

        return byRole;
    }

    private static string Printable(string text) => new([.. text.Take(MaxNameLength).Select(character => char.IsControl(character) ? '?' : character)]);
}
