using IdentityProvider.Localization;

namespace IdentityProvider.HardwareTokens;

/// <summary>Where a token of the inventory stands, as stored and as the admin API names it.</summary>
public static class HardwareTokenStatus
{
    /// <summary>Registered, held by nobody: may be assigned.</summary>
    public const string InStock = "in-stock";

    /// <summary>One OTP device of its user: its codes sign in.</summary>
    public const string Assigned = "assigned";

    /// <summary>Refused at sign-in until enabled again (back to its holder, or to stock).</summary>
    public const string Disabled = "disabled";

    /// <summary>Refused for good: never assigned again unless deleted and registered anew.</summary>
    public const string Lost = "lost";

    public static readonly IReadOnlyList<string> All = [InStock, Assigned, Disabled, Lost];

    /// <summary>The status as a person reads it; an unknown one as it is.</summary>
    public static Sentence Name(string status) => status switch
    {
        InStock => new("HardwareTokens.Status.InStock"),
        Assigned => new("HardwareTokens.Status.Assigned"),
        Disabled => new("HardwareTokens.Status.Disabled"),
        Lost => new("HardwareTokens.Status.Lost"),
        _ => Sentence.Plain(status),
    };

    /// <summary>"TOTP, SHA1, 6 digits, 30 s", as the inventory lists a token.</summary>
    public static Sentence Kind(string type, string algorithm, int digits, int periodSeconds) => type == "totp"
        ? new("HardwareTokens.Kind.Totp", type.ToUpperInvariant(), algorithm, digits, periodSeconds)
        : new("HardwareTokens.Kind.Counter", type.ToUpperInvariant(), algorithm, digits);
}
