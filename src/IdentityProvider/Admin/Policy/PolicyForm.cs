using System.ComponentModel.DataAnnotations;
using System.Globalization;
using IdentityProvider.Localization;
using IdentityProvider.Policy;

namespace IdentityProvider.Admin.Policy;

/// <summary>
/// The admin Policy page's form: every field of <see cref="ProviderPolicy"/>, lists as text (roles and scopes
/// separated by commas or spaces, remember-browser days per role as lines <c>role=days</c>), and the version
/// it was read at. Property names match the policy's, so its problems land on the right field.
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
    public string? TwoStepRequiredForRoles { get; set; }

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

    [Display(Name = "Policy.Field.RememberBrowserDaysByRole")]
    public string? RememberBrowserDaysByRole { get; set; }

    [Display(Name = "Policy.Field.RecoveryCodesEnabled")]
    public bool RecoveryCodesEnabled { get; set; }

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
        TwoStepRequiredForRoles = string.Join(", ", policy.TwoStepRequiredForRoles),
        GracePeriodDays = policy.GracePeriodDays,
        TotpAllowed = policy.TotpAllowed,
        HotpAllowed = policy.HotpAllowed,
        TotpWindow = policy.TotpWindow,
        HotpLookAhead = policy.HotpLookAhead,
        LockoutThreshold = policy.LockoutThreshold,
        LockoutMinutes = policy.LockoutMinutes,
        RememberBrowserDays = policy.RememberBrowserDays,
        RememberBrowserDaysByRole = string.Join("\n", policy.RememberBrowserDaysByRole.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value.ToString(CultureInfo.InvariantCulture)}")),
        RecoveryCodesEnabled = policy.RecoveryCodesEnabled,
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

        var policy = new ProviderPolicy
        {
            TwoStepRequiredForEveryone = TwoStepRequiredForEveryone,
            TwoStepRequiredForRoles = Names(TwoStepRequiredForRoles, nameof(TwoStepRequiredForRoles), found),
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
            TokenSignInAllowed = TokenSignInAllowed,
            TokenDefaultLifetimeDays = Number(TokenDefaultLifetimeDays, nameof(TokenDefaultLifetimeDays)),
            TokenMaxLifetimeDays = Number(TokenMaxLifetimeDays, nameof(TokenMaxLifetimeDays)),
            TokenScopes = Names(TokenScopes, nameof(TokenScopes), found),
            SignInAsUserAllowed = SignInAsUserAllowed,
        };
        problems = found;
        return found.Count == 0 ? policy : null;
    }

    /// <summary>Names separated by commas or white space, each without control characters; duplicates dropped.</summary>
    private static string[] Names(string? text, string field, List<FieldProblem> problems)
    {
        var names = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        // Note: a control character (NUL included) never reaches the database as part of a name.
        if (names.FirstOrDefault(name => name.Any(char.IsControl) || name.Length > MaxNameLength) is { } bad)
        {
            problems.Add(new(field, bad.Any(char.IsControl)
                ? new Sentence($"Policy.{field}.Control")
                : new Sentence($"Policy.{field}.TooLong", MaxNameLength)));
        }

        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Lines <c>role=days</c>; blank lines are skipped, every other line must have that shape.</summary>
    private static Dictionary<string, int> RoleDays(string? text, List<FieldProblem> problems)
    {
        var byRole = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lines = (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
        foreach (var (line, number) in lines.Select((line, index) => (line, index + 1)))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length is 0 or > MaxNameLength || parts[0].Any(char.IsControl) || parts[0].Any(char.IsWhiteSpace)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                problems.Add(new(nameof(RememberBrowserDaysByRole), new Sentence("Policy.RoleDays.Malformed", number)));
                continue;
            }

            if (!byRole.TryAdd(parts[0], days))
            {
                problems.Add(new(nameof(RememberBrowserDaysByRole), new Sentence("Policy.RoleDays.Twice", number, parts[0])));
            }
        }

        return byRole;
    }
}
